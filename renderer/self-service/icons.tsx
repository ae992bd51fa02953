// Small line icons for the self-service tiles, drawn inline: the kiosk has no emoji font, and a
// picture next to the words helps a customer find an action from a metre away.
import type { ReactNode } from 'react';

export type SelfIconName = 'gift' | 'calendar' | 'trophy' | 'people' | 'megaphone' | 'star' | 'wrench' | 'camera';

const paths: Record<SelfIconName, ReactNode> = {
  gift: (
    <>
      <rect x="3" y="8" width="18" height="4" rx="1" />
      <path d="M5 12v8h14v-8M12 8v12M12 8c-2-4-6-4-6-1.5S9 8 12 8zm0 0c2-4 6-4 6-1.5S15 8 12 8z" />
    </>
  ),
  calendar: (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M7.5 14h3M13.5 14h3M7.5 17.5h3" />
    </>
  ),
  trophy: <path d="M7 4h10v5a5 5 0 0 1-10 0zM7 6H4v1a3 3 0 0 0 3 3M17 6h3v1a3 3 0 0 1-3 3M12 14v4M8 21h8M9 18h6" />,
  people: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.8a3.5 3.5 0 0 1 0 6.4M18 14.5a6.5 6.5 0 0 1 3.5 5.5" />
    </>
  ),
  megaphone: <path d="M3 10v4h4l8 5V5L7 10zM7 14l1.5 6h3L10 15.5M18.5 9a4 4 0 0 1 0 6" />,
  star: <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />,
  wrench: (
    <path d="M14.5 3.5a5 5 0 0 0-5.9 6.4L3 15.5 5.5 18l1 1 2.5 2.5 5.6-5.6a5 5 0 0 0 6.4-5.9l-3 3-3.5-1-1-3.5z" />
  ),
  camera: (
    <>
      <path d="M3 8a2 2 0 0 1 2-2h2.5L9 4h6l1.5 2H19a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
      <circle cx="12" cy="13" r="4" />
    </>
  ),
};

export function SelfIcon({ name, size = 40 }: { name: SelfIconName; size?: number }) {
  return (
    <svg
      className="ss-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      {paths[name]}
    </svg>
  );
}
