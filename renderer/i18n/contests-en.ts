import type { MessageShape } from './zh-CN';
import type { contestsZhCN } from './contests-zh-CN';

export const contestsEn: MessageShape<typeof contestsZhCN> = {
  contests: {
    title: 'Community contest',
    lead: 'Vote for your favourite once a day. Give an entrant’s code when you pay at the counter to add more votes.',
    none: 'No contest is running right now.',
    votes: 'Votes: {{count}}',
    vote: 'Vote',
    voted: 'Voted today',
    votedFor: 'Thank you! Today you voted for {{name}}.',
    code: 'Code {{code}}',
    perPurchase: 'A purchase with the code: votes +{{count}}',
    endsAt: 'Voting ends {{date}}',
    leaderboard: 'Contest leaderboard',
    leaderboardTotal: 'Votes in all: {{count}}',
    counter: {
      title: 'Contests',
      lead: 'The brand sets the rules at the hub; every shop’s votes add up here. Type an entrant’s code in the coupon field at checkout to add the purchase votes.',
      none: 'No contests yet. The brand creates them with the hub command create-contest.',
      running: 'Running',
      ended: 'Not open for votes',
      rules: '{{daily}} per daily vote, {{purchase}} per purchase',
      rulesNoPurchase: '{{daily}} per daily vote, purchases do not count',
      chart: 'Votes in {{title}}',
      entrants: 'Entrants and their codes',
    },
  },
  checkoutEntrant: {
    label: 'Votes for an entrant',
    votes: 'Votes +{{count}}',
  },
};
