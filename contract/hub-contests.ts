// Contests between the brand's hub and its terminals (issue 10): the admin request that creates
// one, and what terminals pull in the `catalogue` stream (the rules, and per-terminal tallies).
import { z } from 'zod';
import { fail, int, text } from './schema-kit';

// The same field rules as the catalogue's admin requests (hub-admin-catalogue.ts), kept here so the
// two files do not import each other.
const instant = (field: string) => z.iso.datetime({ offset: true, ...fail('INVALID_INPUT', { field }) });
const localText = (field: string, max: number) =>
  z
    .object(
      {
        zh: text('INVALID_INPUT', { max, field: `${field}.zh`, required: true }).transform((s) => s.trim()),
        en: text('INVALID_INPUT', { max, field: `${field}.en` })
          .transform((s) => s.trim())
          .optional(),
      },
      fail('INVALID_INPUT', { field }),
    )
    .transform((n) => ({ zh: n.zh, en: n.en || n.zh }));

/** An entrant named by phone number (as the member gave it) or by member id. */
export const contestEntrantRequest = z
  .object({
    phone: text('PHONE_INVALID', { max: 32, field: 'entrants.phone' }).optional(),
    memberId: text('MEMBER_UNKNOWN', { max: 64, field: 'entrants.memberId' }).optional(),
    photoUrl: z
      .url(fail('INVALID_INPUT', { field: 'entrants.photoUrl' }))
      .max(1000)
      .nullish()
      .default(null),
  })
  .refine((e) => Boolean(e.phone) !== Boolean(e.memberId), {
    ...fail('INVALID_INPUT', { field: 'entrants' }),
    path: ['phone'],
  });

/** POST /v1/admin/contests: without an id a new contest; with one, that contest's rules replaced. */
export const contestRequest = z
  .object({
    id: text('INVALID_INPUT', { max: 64, field: 'id' })
      .regex(/^[\w.-]+$/, fail('INVALID_INPUT', { field: 'id' }))
      .optional(),
    title: localText('title', 80),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    votesPerDailyVote: int('INVALID_INPUT', 1, 100, 'votesPerDailyVote').default(1),
    votesPerPurchase: int('INVALID_INPUT', 0, 1000, 'votesPerPurchase').default(5),
    purchasesCount: z.boolean(fail('INVALID_INPUT', { field: 'purchasesCount' })).default(true),
    entrants: z
      .array(contestEntrantRequest, fail('INVALID_INPUT', { field: 'entrants' }))
      .min(1, fail('INVALID_INPUT', { field: 'entrants' }))
      .max(50, fail('INVALID_INPUT', { field: 'entrants' })),
  })
  .refine((c) => Date.parse(c.startsAt) < Date.parse(c.endsAt), {
    ...fail('INVALID_INPUT', { field: 'endsAt' }),
    path: ['endsAt'],
  });
export type ContestRequest = z.input<typeof contestRequest>;

const pulledText = (max: number) => z.string().min(1).max(max);

export const pulledContestEntrant = z.object({
  id: pulledText(64),
  memberId: pulledText(64),
  code: pulledText(16),
  maskedName: z.string().max(100),
  photoUrl: z.string().max(1000).nullable(),
});
export type HubContestEntrant = z.infer<typeof pulledContestEntrant>;

export const pulledContest = z.object({
  id: pulledText(64),
  title: z.object({ zh: z.string().max(1000), en: z.string().max(1000) }),
  startsAt: pulledText(40),
  endsAt: pulledText(40),
  votesPerDailyVote: z.number().int().min(0),
  votesPerPurchase: z.number().int().min(0),
  purchasesCount: z.boolean(),
  entrants: z.array(pulledContestEntrant),
  updatedAt: pulledText(40),
});
export type HubContest = z.infer<typeof pulledContest>;

/** One terminal's votes for one entrant as the hub counted them; a later tally replaces an earlier one. */
export const pulledContestTally = z.object({
  contestId: pulledText(64),
  entrantId: pulledText(64),
  terminalId: pulledText(64),
  votes: z.number().int(),
});
export type HubContestTally = z.infer<typeof pulledContestTally>;

export interface HubContestListResponse {
  contests: (HubContest & { tallies: { entrantId: string; votes: number }[] })[];
}
