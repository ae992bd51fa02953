//
// Stub: filled in by the posts feature.
export function PostsScreen() {
  return null;
}
