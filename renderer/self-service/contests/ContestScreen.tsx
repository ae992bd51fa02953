//
// Stub: filled in by the contests feature.
export function ContestScreen() {
  return null;
}
