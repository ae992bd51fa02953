//
// Stub: filled in by the referrals feature.
export function ReferralsScreen() {
  return null;
}
