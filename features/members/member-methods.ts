import type { AppInfo, MemberMethods } from '../../contract';
import type { ApiArea } from '../area';
import type { ServiceContext } from '../context';
import { assignCard, blockCard, replaceCard } from './cards';
import { enrolMember, getMember, searchMembers, updateConsents } from './members';
import { handleScan } from '../scan/scan';
import { login, logout, sessionInfo } from '../staff/staff-session';
import { setupTerminal } from '../staff/terminal-setup';

export function memberArea(ctx: ServiceContext, info: AppInfo): ApiArea<MemberMethods> {
  return {
    methods: {
      getAppInfo: async () => info,
      getSession: async () => sessionInfo(ctx),
      listStaff: async () => ctx.repos.staff.listActive(),
      login: (input) => login(ctx, input),
      setupTerminal: async (input) => setupTerminal(ctx, input),
      logout: async () => logout(ctx),
      enrolMember: async (input) => enrolMember(ctx, input),
      searchMembers: async (input) => searchMembers(ctx, input),
      getMember: async (input) => getMember(ctx, input),
      assignCard: async (input) => assignCard(ctx, input),
      blockCard: async (input) => blockCard(ctx, input),
      replaceCard: async (input) => replaceCard(ctx, input),
      updateConsents: async (input) => updateConsents(ctx, input),
      handleScan: async (input) => handleScan(ctx, input),
    },
  };
}
