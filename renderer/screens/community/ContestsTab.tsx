// The running contests and their leaderboards.
// Stub: filled in by the contests feature.
export function ContestsTab() {
  return null;
}
