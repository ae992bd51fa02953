// Ambassador posts waiting for review: approve or reject with a reason.
// Stub: filled in by the posts feature.
export function PostsTab() {
  return null;
}
