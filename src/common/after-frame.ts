/**
 * Resolves after the next animation frame, in a task of its own: animation frame callbacks run before the frame is
 * drawn, so work begun there would still delay it.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
