import type { Migration } from './index';

// Fewer pages per sale (bench/checkout.ts): a sale's lines, tenders and coupons are only ever read
// with their sale, so they are stored in the sale row as JSON documents instead of three tables
// (three fewer b-trees written per sale). A print job refers to the receipt it prints (the sale's
// or the refund's, stored once) instead of holding a second copy. Refund lines keep their rows
// (the refunded quantity is summed per line); their check against the quantity sold now reads the
// sale's document. The outbox keeps its send order (seq) without a second index on the event id.
export const m005SaleDocuments: Migration = {
  version: 5,
  name: 'sale-documents',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN lines TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sales ADD COLUMN tenders TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sales ADD COLUMN coupons TEXT NOT NULL DEFAULT '[]';

      UPDATE sales SET
        lines = (SELECT coalesce(json_group_array(json_object(
            'id', l.id, 'productId', l.product_id, 'sku', l.sku, 'name', json_object('zh', l.name_zh, 'en', l.name_en),
            'category', l.category, 'quantity', l.quantity, 'listUnitMinor', l.list_unit_minor, 'unitMinor', l.unit_minor,
            'amountMinor', l.amount_minor, 'memberSavingMinor', l.member_saving_minor, 'couponDiscountMinor', l.coupon_discount_minor,
            'netMinor', l.net_minor, 'pointsEligible', json(CASE l.points_eligible WHEN 1 THEN 'true' ELSE 'false' END),
            'pointsEarned', l.points_earned, 'pointsRedeemed', l.points_redeemed, 'pointsValueMinor', l.points_value_minor)), '[]')
          FROM (SELECT * FROM sale_lines WHERE sale_id = sales.id ORDER BY line_no) l),
        tenders = (SELECT coalesce(json_group_array(json_object('method', t.method, 'amountMinor', t.amount_minor, 'reference', t.reference)), '[]')
          FROM (SELECT * FROM sale_tenders WHERE sale_id = sales.id ORDER BY id) t),
        coupons = (SELECT coalesce(json_group_array(json_object('code', c.code, 'definitionId', c.definition_id,
            'name', json_object('zh', c.name_zh, 'en', c.name_en), 'discountMinor', c.discount_minor)), '[]')
          FROM sale_coupons c WHERE c.sale_id = sales.id);

      -- refund_lines pointed at sale_lines: rebuilt without that foreign key.
      CREATE TABLE refund_lines_new (
        id TEXT PRIMARY KEY,
        refund_id TEXT NOT NULL REFERENCES refunds(id),
        sale_line_id TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        amount_minor INTEGER NOT NULL,
        net_minor INTEGER NOT NULL,
        points_reversed INTEGER NOT NULL,
        points_returned INTEGER NOT NULL,
        UNIQUE (refund_id, sale_line_id)
      );
      INSERT INTO refund_lines_new SELECT id, refund_id, sale_line_id, quantity, amount_minor, net_minor, points_reversed, points_returned FROM refund_lines;
      DROP TABLE refund_lines;
      ALTER TABLE refund_lines_new RENAME TO refund_lines;
      CREATE INDEX refund_lines_line ON refund_lines(sale_line_id);
      -- Never more refunded than was sold, checked below the use case too; a line the sale does
      -- not have counts as sold zero times.
      CREATE TRIGGER refund_lines_within_sale BEFORE INSERT ON refund_lines
      WHEN (SELECT coalesce(sum(quantity), 0) FROM refund_lines WHERE sale_line_id = NEW.sale_line_id) + NEW.quantity
           > coalesce((SELECT j.value ->> 'quantity' FROM refunds r JOIN sales s ON s.id = r.sale_id, json_each(s.lines) j
                       WHERE r.id = NEW.refund_id AND j.value ->> 'id' = NEW.sale_line_id), 0)
      BEGIN SELECT RAISE(ABORT, 'refund exceeds the quantity sold'); END;

      DROP TABLE sale_lines;
      DROP TABLE sale_tenders;
      DROP TABLE sale_coupons;

      -- A job prints either its own document (test pages, slips, reports) or the stored receipt
      -- of a sale or refund (source); rebuilt WITHOUT ROWID: one b-tree fewer per job.
      CREATE TABLE print_jobs_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        document TEXT,
        source_kind TEXT CHECK (source_kind IN ('sale', 'refund')),
        source_id TEXT,
        printer_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        staff_id TEXT REFERENCES staff(id),
        -- The job this one copies (informational: no foreign key, so old jobs can be pruned).
        reprint_of TEXT,
        CHECK ((document IS NULL) <> (source_kind IS NULL))
      ) WITHOUT ROWID;
      INSERT INTO print_jobs_new (id, kind, title, document, printer_id, status, attempts, last_error, created_at, printed_at, staff_id, reprint_of)
        SELECT id, kind, title, document, printer_id, status, attempts, last_error, created_at, printed_at, staff_id, reprint_of FROM print_jobs;
      DROP TABLE print_jobs;
      ALTER TABLE print_jobs_new RENAME TO print_jobs;
      CREATE INDEX print_jobs_pending ON print_jobs(status, id);

      -- The outbox in the order its events were written: seq (the rowid) is the send order and
      -- what the sync client acknowledges; ids are ULIDs made here, unique by construction, so the
      -- separate index on id (one more b-tree per change) is dropped.
      CREATE TABLE outbox_new (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO outbox_new (id, type, aggregate_id, payload, created_at) SELECT id, type, aggregate_id, payload, created_at FROM outbox ORDER BY id;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
    `);
  },
};
