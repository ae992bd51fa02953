// X report (the running day) and Z report (closes the day on this terminal). A period runs from
// the previous Z of this terminal (or the beginning) to now.
import type { DayReport, DayReportResult } from '../../contract';
import { dayReportReceipt } from '../../domain/sale-receipt';
import type { Ports } from '../ports';
import { receiptStore } from '../loyalty/loyalty-config';
import { queuePrint } from '../checkout/sale-views';
import type { SomeHandlers } from '../handler';

const beginning = '0000-01-01T00:00:00.000Z';

function build(ports: Ports, kind: 'x' | 'z'): DayReport {
  const last = ports.store.reports.lastClose(ports.config.terminalId);
  const to = ports.clock.now().toISOString();
  const from = last?.toAt ?? null;
  const figures = ports.store.reports.figures(
    { terminalId: ports.config.terminalId, from: from ?? beginning, to },
    ports.config.storeId(),
  );
  return {
    kind,
    number: kind === 'z' ? (last?.number ?? 0) + 1 : null,
    from,
    to,
    currency: receiptStore(ports).currency,
    ...figures,
  };
}

export const dayCloseHandlers = {
  dayReport(input, { ports, staff }): DayReportResult {
    const report = build(ports, 'x');
    const receipt = dayReportReceipt(report, receiptStore(ports), staff.name);
    return { report, receipt, printJobId: input?.print === true ? queuePrint(ports, receipt) : null };
  },
  closeDay(_input, { ports, staff }): DayReportResult {
    return ports.store.transaction(() => {
      const report = build(ports, 'z');
      const id = ports.ids.newId();
      ports.store.reports.insertClose({
        id,
        terminalId: ports.config.terminalId,
        number: report.number!,
        fromAt: report.from,
        toAt: report.to,
        staffId: staff.id,
        report,
      });
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'day.closed',
        aggregateId: id,
        payload: { ...report, terminalId: ports.config.terminalId, staffId: staff.id },
        createdAt: report.to,
      });
      const receipt = dayReportReceipt(report, receiptStore(ports), staff.name);
      return { report, receipt, printJobId: queuePrint(ports, receipt) };
    });
  },
} satisfies SomeHandlers;
