// The admin CLI's commands: each one request to the hub's admin HTTP API (so the CLI works against a
// remote hub exactly as against a local one), answered in a line or two for people.
import { parseArgs } from 'node:util';
import type {
  ConflictListResponse,
  HubErrorBody,
  HubStoreInfo,
  MergeMembersResponse,
  RegistrationCodeInfo,
  RevokeResponse,
  TerminalListResponse,
} from '../../contract';
import { catalogueOptions, catalogueUsage, runCatalogueCommand } from './cli-catalogue';
import { CliError } from './cli-error';
import { eventOptions, runEventCommand } from './cli-events';

export { CliError };

const usage = `Usage: npm run hub:admin -- <command> [options]

Commands:
  create-store --code CUIHU --name "翠湖店"     add a store
  create-code --store CUIHU [--minutes 1440]   a one-time registration code for a new terminal
  list-terminals [--store CUIHU]               registered terminals
  revoke --terminal <id>                       stop a terminal's credential at once
  list-conflicts [--all]                       what sync could not decide alone (open ones by default)
  merge-members --survivor ID --merged ID      two members are one person: points, cards and lookups go to the survivor
  create-event --title-zh 品牌茶会 --starts 2026-07-01T14:00:00+08:00 --ends 2026-07-01T16:00:00+08:00 --capacity 30
      [--title-en ..] [--place ..] [--description ..] [--points 50] [--id ID to change one] [--cancel]
                                               a chain-wide community event, shown at every terminal
  list-events                                  the chain's events and the seats taken

The brand's catalogue (every terminal registered with the hub takes it from there):
${catalogueUsage}

Options (or environment):
  --url <hub address>     LINLI_HUB_URL (default http://127.0.0.1:8787)
  --token <admin token>   LINLI_HUB_ADMIN_TOKEN`;

async function call<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new CliError(`cannot reach the hub at ${base}: ${(error as Error).message}`);
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (json as HubErrorBody | null)?.error;
    throw new CliError(`the hub refused (${res.status} ${err?.code ?? ''}): ${err?.message ?? res.statusText}`);
  }
  return json as T;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required\n\n${usage}`);
  return value;
}

/** The flags as parseArgs reads them; a flag it cannot read (an unknown one, `--price -3`) is a plain refusal. */
function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        store: { type: 'string' },
        minutes: { type: 'string' },
        terminal: { type: 'string' },
        all: { type: 'boolean' },
        survivor: { type: 'string' },
        merged: { type: 'string' },
        help: { type: 'boolean' },
        ...catalogueOptions,
        ...eventOptions,
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values, positionals } = readArgs(argv);
  const command = positionals[0];
  if (values.help || !command) return usage;
  const base = values.url ?? env.LINLI_HUB_URL ?? 'http://127.0.0.1:8787';
  const token = required(values.token ?? env.LINLI_HUB_ADMIN_TOKEN, '--token (or LINLI_HUB_ADMIN_TOKEN)');
  switch (command) {
    case 'create-store': {
      const s = await call<HubStoreInfo>(base, token, 'POST', '/v1/admin/stores', {
        code: required(values.code, '--code'),
        name: required(values.name, '--name'),
      });
      return `Store ${s.code} "${s.name}" created (id ${s.id}).`;
    }
    case 'create-code': {
      const c = await call<RegistrationCodeInfo>(base, token, 'POST', '/v1/admin/registration-codes', {
        storeCode: required(values.store, '--store'),
        ...(values.minutes ? { validMinutes: Number(values.minutes) } : {}),
      });
      return `Registration code for ${c.storeCode}: ${c.code}\nValid once, until ${c.expiresAt}. Enter it with the hub address on the new terminal.`;
    }
    case 'list-terminals': {
      const query = values.store ? `?store=${encodeURIComponent(values.store)}` : '';
      const { terminals } = await call<TerminalListResponse>(base, token, 'GET', `/v1/admin/terminals${query}`);
      if (!terminals.length) return 'No terminals registered.';
      return terminals
        .map(
          (t) =>
            `${t.id}  ${t.storeCode}  ${t.name}  registered ${t.registeredAt}  ${t.revokedAt ? `REVOKED ${t.revokedAt}` : `last seen ${t.lastSeenAt ?? 'never'}`}`,
        )
        .join('\n');
    }
    case 'revoke': {
      const id = required(values.terminal, '--terminal');
      const { terminal } = await call<RevokeResponse>(
        base,
        token,
        'POST',
        `/v1/admin/terminals/${encodeURIComponent(id)}/revoke`,
      );
      return `Terminal ${terminal.id} (${terminal.storeCode} ${terminal.name}) revoked at ${terminal.revokedAt}: its credential no longer works.`;
    }
    case 'list-conflicts': {
      const { conflicts } = await call<ConflictListResponse>(
        base,
        token,
        'GET',
        `/v1/admin/conflicts?status=${values.all ? 'all' : 'open'}`,
      );
      if (!conflicts.length) return values.all ? 'No conflicts recorded.' : 'No open conflicts.';
      return conflicts
        .map(
          (c) =>
            `${c.createdAt}  ${c.kind}  ${c.subject}  store ${c.storeCode ?? '-'}  ${c.resolvedAt ? `resolved ${c.resolvedAt}: ${c.resolution ?? ''}` : 'OPEN'}  ${JSON.stringify(c.detail)}`,
        )
        .join('\n');
    }
    case 'merge-members': {
      const m = await call<MergeMembersResponse>(base, token, 'POST', '/v1/admin/members/merge', {
        survivorId: required(values.survivor, '--survivor'),
        mergedId: required(values.merged, '--merged'),
      });
      const cards = m.cardsRepointed.length ? m.cardsRepointed.join(', ') : 'none';
      return `Member ${m.mergedId} merged into ${m.survivorId} (merge ${m.mergeId}): ${m.pointsMoved} points moved, cards re-pointed: ${cards}, ${m.conflictsResolved} conflicts resolved. Every terminal learns it on its next pull.`;
    }
    default: {
      const events = await runEventCommand(command, values, (method, path, body) =>
        call(base, token, method, path, body),
      );
      if (events !== null) return events;
      const out = await runCatalogueCommand(command, values, (method, path, body) =>
        call(base, token, method, path, body),
      );
      if (out !== null) return out;
      throw new CliError(`unknown command ${command}\n\n${usage}`);
    }
  }
}
