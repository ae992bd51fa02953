// X report (the running day) and Z report (closes the day on this terminal). A period runs from
// the previous Z of this terminal (or the beginning) to now.
import type { DayReport, DayReportResult } from '../../contract';
import { dayReportReceipt } from '../../domain/sale-receipt';
import type { ServiceContext } from '../context';
import { receiptStore } from '../loyalty/loyalty-config';
import { queuePrint } from '../checkout/sale-views';
import { requireStaff } from '../staff/staff-session';

const beginning = '0000-01-01T00:00:00.000Z';

function build(ctx: ServiceContext, kind: 'x' | 'z'): DayReport {
  const last = ctx.repos.reports.lastClose(ctx.terminalId);
  const to = ctx.now().toISOString();
  const from = last?.toAt ?? null;
  const figures = ctx.repos.reports.figures({ terminalId: ctx.terminalId, from: from ?? beginning, to }, ctx.storeId());
  return { kind, number: kind === 'z' ? (last?.number ?? 0) + 1 : null, from, to, currency: receiptStore(ctx).currency, ...figures };
}

export function dayReport(ctx: ServiceContext, input?: { print?: boolean }): DayReportResult {
  const staff = requireStaff(ctx);
  const report = build(ctx, 'x');
  const receipt = dayReportReceipt(report, receiptStore(ctx), staff.name);
  return { report, receipt, printJobId: input?.print === true ? queuePrint(ctx, receipt) : null };
}

export function closeDay(ctx: ServiceContext): DayReportResult {
  const staff = requireStaff(ctx);
  return ctx.repos.transaction(() => {
    const report = build(ctx, 'z');
    const id = ctx.newId();
    ctx.repos.reports.insertClose({ id, terminalId: ctx.terminalId, number: report.number!, fromAt: report.from, toAt: report.to, staffId: staff.id, report });
    ctx.repos.outbox.append({ id: ctx.newId(), type: 'day.closed', aggregateId: id, payload: { ...report, terminalId: ctx.terminalId, staffId: staff.id }, createdAt: report.to });
    const receipt = dayReportReceipt(report, receiptStore(ctx), staff.name);
    return { report, receipt, printJobId: queuePrint(ctx, receipt) };
  });
}
