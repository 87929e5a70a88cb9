/**
 * Chooses the year in which each item (commune) reaches a level (NTM, nâng cao, kiểu mẫu) so that the cumulative
 * count per year equals the targets exactly and every item's constraints hold:
 *   earliest: not before this year; deadline: at the latest this year; exact: exactly this year.
 * Items are otherwise taken by descending score. Deadlines are honoured with an earliest-deadline-first look-ahead.
 * Items placed in the first year mean "reached by the first year" (the caller may date them earlier).
 */
export interface ScheduleItem {
  score: number;
  earliest: number;
  deadline: number; // Infinity when none
  exact: number | null;
}

export function scheduleYears(items: readonly ScheduleItem[], years: readonly number[], cumulative: readonly number[], what: string): (number | null)[] {
  const out: (number | null)[] = items.map(() => null);
  const bound = (it: ScheduleItem): number => (it.exact ?? it.deadline);
  let done = 0;
  for (let yi = 0; yi < years.length; yi++) {
    const y = years[yi];
    const slots = cumulative[yi] - done;
    if (slots < 0) throw new Error(`${what}: cumulative target falls in ${y} (${done} → ${cumulative[yi]})`);
    const free: number[] = [];
    const mandatory: number[] = [];
    for (let i = 0; i < items.length; i++) {
      if (out[i] !== null) continue;
      const it = items[i];
      if (it.exact === y || (it.exact === null && it.deadline <= y)) {
        if (it.earliest > y) throw new Error(`${what}: item ${i} must be placed by ${y} but may not start before ${it.earliest}`);
        mandatory.push(i);
      } else if (it.exact === null && it.earliest <= y) free.push(i);
    }
    if (mandatory.length > slots)
      throw new Error(`${what}: ${mandatory.length} items must reach the level in ${y} but the target allows ${slots}`);
    for (const i of mandatory) out[i] = y;
    let left = slots - mandatory.length;

    // Look-ahead: items bound to later years that cannot all fit into the later capacity must go now.
    let need = 0;
    for (let zi = yi + 1; zi < years.length; zi++) {
      let bound_ = 0;
      for (let i = 0; i < items.length; i++) if (out[i] === null && bound(items[i]) <= years[zi]) bound_++;
      need = Math.max(need, bound_ - (cumulative[zi] - cumulative[yi]));
    }
    if (need > left) throw new Error(`${what}: year ${y} cannot hold the ${need} items needed for later deadlines`);
    const byDeadline = free.filter((i) => Number.isFinite(items[i].deadline)).sort((a, b) => items[a].deadline - items[b].deadline || items[b].score - items[a].score || a - b);
    if (byDeadline.length < need) throw new Error(`${what}: later deadlines cannot be met (year ${y})`);
    for (let k = 0; k < need; k++) out[byDeadline[k]] = y;
    left -= need;

    const rest = free.filter((i) => out[i] === null).sort((a, b) => items[b].score - items[a].score || a - b);
    if (rest.length < left) throw new Error(`${what}: only ${rest.length} eligible items for ${left} places in ${y}`);
    for (let k = 0; k < left; k++) out[rest[k]] = y;
    done = cumulative[yi];
  }
  items.forEach((it, i) => {
    if (it.exact !== null && out[i] !== it.exact) throw new Error(`${what}: item ${i} bound to ${it.exact} was not placed then`);
    if (Number.isFinite(it.deadline) && (out[i] === null || out[i]! > it.deadline)) throw new Error(`${what}: item ${i} missed its deadline ${it.deadline}`);
  });
  return out;
}
