/** Short map labels: "Huyện Hướng Hóa" -> "Hướng Hóa", "Thành phố Đông Hà" -> "TP. Đông Hà", "Tỉnh Quảng Trị" -> "Quảng Trị". */
const districtPrefixes: [RegExp, string][] = [
  [/^Huyện\s+/u, ''],
  [/^Thị xã\s+/u, 'TX. '],
  [/^Thành phố\s+/u, 'TP. '],
  [/^Quận\s+/u, 'Q. '],
];

export function shortDistrictName(name: string): string {
  for (const [re, repl] of districtPrefixes) if (re.test(name)) return name.replace(re, repl);
  return name;
}

export function shortProvinceName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}
