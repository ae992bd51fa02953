import type { DayReport, ReportStaffRow, ReportTenderRow, TenderMethod } from '../../contract';
import type { Db } from '../open';
import type { ReportsRepository } from '../store';

/** One terminal's reporting window: (from, to]. */
export type ReportPeriod = { from: string; to: string; terminalId: string };
/** A day report's figures, without its heading (kind, number, period, currency). */
export type ReportFigures = Omit<DayReport, 'kind' | 'number' | 'from' | 'to' | 'currency'>;

/** A Z close as stored: its window, who closed it and the report it printed. */
export interface DayCloseRow {
  id: string;
  terminalId: string;
  number: number;
  fromAt: string | null;
  toAt: string;
  staffId: string;
  report: DayReport;
}

/** X/Z figures for one terminal over (from, to]; the Z history. */
export function reportsRepository(db: Db): ReportsRepository {
  const sales = db.prepare<
    ReportPeriod,
    {
      n: number;
      gross: number;
      savings: number;
      coupons: number;
      earned: number;
      redeemed: number;
      pointsValue: number;
    }
  >(
    `SELECT count(*) AS n, coalesce(sum(total_minor), 0) AS gross, coalesce(sum(member_savings_minor), 0) AS savings,
      coalesce(sum(coupon_discount_minor), 0) AS coupons, coalesce(sum(points_earned), 0) AS earned,
      coalesce(sum(points_redeemed), 0) AS redeemed, coalesce(sum(points_value_minor), 0) AS pointsValue
    FROM sales WHERE terminal_id = @terminalId AND at > @from AND at <= @to`,
  );
  const refunds = db.prepare<
    ReportPeriod,
    { n: number; amount: number; net: number; reversed: number; returned: number }
  >(
    `SELECT count(*) AS n, coalesce(sum(amount_minor), 0) AS amount, coalesce(sum(net_minor), 0) AS net,
      coalesce(sum(points_reversed), 0) AS reversed, coalesce(sum(points_returned), 0) AS returned
    FROM refunds WHERE terminal_id = @terminalId AND at > @from AND at <= @to`,
  );
  const couponsUsed = db.prepare<ReportPeriod, { n: number }>(
    `SELECT coalesce(sum(json_array_length(coupons)), 0) AS n FROM sales WHERE terminal_id = @terminalId AND at > @from AND at <= @to`,
  );
  const saleTenders = db.prepare<ReportPeriod, { method: TenderMethod; amount: number }>(
    `SELECT t.value ->> 'method' AS method, sum(t.value ->> 'amountMinor') AS amount FROM sales s, json_each(s.tenders) t
    WHERE s.terminal_id = @terminalId AND s.at > @from AND s.at <= @to GROUP BY 1`,
  );
  const saleChange = db.prepare<ReportPeriod, { n: number }>(
    `SELECT coalesce(sum(change_minor), 0) AS n FROM sales WHERE terminal_id = @terminalId AND at > @from AND at <= @to`,
  );
  const refundTenders = db.prepare<ReportPeriod, { method: TenderMethod; amount: number }>(
    `SELECT tender_method AS method, sum(amount_minor) AS amount FROM refunds WHERE terminal_id = @terminalId AND at > @from AND at <= @to GROUP BY tender_method`,
  );
  const staff = db.prepare<ReportPeriod, ReportStaffRow>(
    `SELECT st.id AS staffId, st.name AS staffName,
      (SELECT count(*) FROM sales s WHERE s.staff_id = st.id AND s.terminal_id = @terminalId AND s.at > @from AND s.at <= @to) AS sales,
      (SELECT coalesce(sum(total_minor), 0) FROM sales s WHERE s.staff_id = st.id AND s.terminal_id = @terminalId AND s.at > @from AND s.at <= @to) AS salesMinor,
      (SELECT count(*) FROM refunds r WHERE r.staff_id = st.id AND r.terminal_id = @terminalId AND r.at > @from AND r.at <= @to) AS refunds,
      (SELECT coalesce(sum(net_minor), 0) FROM refunds r WHERE r.staff_id = st.id AND r.terminal_id = @terminalId AND r.at > @from AND r.at <= @to) AS refundsMinor
    FROM staff st ORDER BY st.name`,
  );
  const newMembers = db.prepare<{ storeId: string | null; from: string; to: string }, { n: number }>(
    // Members on file from before the store was set up on this terminal (the demo's customers,
    // members brought over) are not new members of any period.
    `SELECT count(*) AS n FROM members WHERE (@storeId IS NULL OR store_id = @storeId) AND enrolled_at > @from AND enrolled_at <= @to
      AND enrolled_at >= coalesce((SELECT created_at FROM stores WHERE id = @storeId), '')`,
  );
  const lastClose = db.prepare<[string], { number: number; toAt: string }>(
    'SELECT number, to_at AS toAt FROM day_closes WHERE terminal_id = ? ORDER BY number DESC LIMIT 1',
  );
  const insertClose = db.prepare(
    'INSERT INTO day_closes (id, terminal_id, number, from_at, to_at, staff_id, report) VALUES (@id, @terminalId, @number, @fromAt, @toAt, @staffId, @report)',
  );

  return {
    figures(period: ReportPeriod, storeId: string | null): ReportFigures {
      const s = sales.get(period)!;
      const r = refunds.get(period)!;
      const tenders = new Map<ReportTenderRow['method'], ReportTenderRow>();
      const row = (method: ReportTenderRow['method']) => {
        let t = tenders.get(method);
        if (!t) tenders.set(method, (t = { method, salesMinor: 0, refundsMinor: 0 }));
        return t;
      };
      // Cash in the drawer is what was handed over minus the change given back.
      for (const t of saleTenders.all(period)) row(t.method).salesMinor += t.amount;
      const change = saleChange.get(period)!.n;
      if (change) row('cash').salesMinor -= change;
      for (const t of refundTenders.all(period)) row(t.method).refundsMinor += t.amount;
      if (s.pointsValue || r.net - r.amount) {
        const points = row('points');
        points.salesMinor += s.pointsValue;
        points.refundsMinor += r.net - r.amount;
      }
      return {
        sales: s.n,
        refunds: r.n,
        grossMinor: s.gross,
        refundsMinor: r.net,
        netMinor: s.gross - r.net,
        memberSavingsMinor: s.savings,
        couponDiscountMinor: s.coupons,
        couponsUsed: couponsUsed.get(period)!.n,
        pointsIssued: s.earned + r.reversed,
        pointsRedeemed: s.redeemed - r.returned,
        newMembers: newMembers.get({ storeId, from: period.from, to: period.to })!.n,
        tenders: [...tenders.values()],
        staff: staff.all(period).filter((x) => x.sales || x.refunds),
      };
    },
    lastClose: (terminalId: string) => lastClose.get(terminalId) ?? null,
    insertClose: (row: DayCloseRow) => void insertClose.run({ ...row, report: JSON.stringify(row.report) }),
  };
}
