//
// Stub: filled in by the contests feature.
export function AttractLeaderboard() {
  return null;
}
