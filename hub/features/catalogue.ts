// The brand's products and prices at the hub (admin API). A product is keyed by its SKU (what the
// brand's people type); its id is made once, here, and is what terminals store. A product is never
// deleted: it is retired (not sold any more), so old sales at every shop still resolve.
import { randomUUID } from 'node:crypto';
import type { HubProduct, hubProductRequest, setPriceRequest } from '../../contract';
import { isValidBarcode, normaliseBarcode } from '../../domain/barcode';
import type { z } from 'zod';
import type { HubStorage, Queryable } from '../storage';
import { badField } from './admin-input';
import { catalogueWrite } from './catalogue-write';
import { HubError, isUniqueViolation } from './errors';
import { iso } from './sql';

type ProductInput = z.output<typeof hubProductRequest>;
type PriceInput = z.output<typeof setPriceRequest>;

const productColumns = `id, sku, barcode, jsonb_build_object('zh', name_zh, 'en', name_en) AS name, category,
  list_price_minor::integer AS "listPriceMinor", member_prices AS "tierPrices", points_eligible AS "pointsEligible",
  active, ${iso('updated_at')} AS "updatedAt"`;

async function tierCodes(tx: Queryable): Promise<Set<string>> {
  return new Set((await tx.query<{ code: string }>('SELECT code FROM tiers')).rows.map((r) => r.code));
}

/** Member prices name tiers the hub has, and none is above the list price (pricing would ignore it). */
async function checkMemberPrices(tx: Queryable, listPriceMinor: number, prices: Record<string, number>) {
  const known = await tierCodes(tx);
  for (const [code, priceMinor] of Object.entries(prices)) {
    const field = `tierPrices.${code}`;
    if (!known.has(code)) throw badField(field, `no tier has the code ${code} (add it first: upsert-tier)`);
    if (priceMinor > listPriceMinor)
      throw badField(field, `the ${code} price ${priceMinor} is above the list price ${listPriceMinor}`);
  }
}

async function productBySku(tx: Queryable, sku: string, lock = false): Promise<HubProduct> {
  const { rows } = await tx.query<HubProduct>(
    `SELECT ${productColumns} FROM products WHERE sku = $1${lock ? ' FOR UPDATE' : ''}`,
    [sku],
  );
  if (!rows[0]) throw new HubError('NOT_FOUND', 404, `no product has the SKU ${sku}`, 'sku');
  return rows[0];
}

const skuParam = (sku: string) => sku.trim().toUpperCase();

/** Adds the product, or replaces every field of the one with this SKU. */
export async function upsertProduct(storage: HubStorage, input: ProductInput): Promise<HubProduct> {
  // Checked as a terminal's scan reads it: a wrong check digit would never scan anywhere.
  const barcode = input.barcode ? normaliseBarcode(input.barcode) : null;
  if (barcode && !isValidBarcode(barcode)) throw badField('barcode', `${barcode} is not a valid EAN/UPC barcode`);
  return catalogueWrite(storage, async (tx) => {
    await checkMemberPrices(tx, input.listPriceMinor, input.tierPrices);
    let rows: HubProduct[];
    try {
      ({ rows } = await tx.query<HubProduct>(
        `INSERT INTO products (id, sku, barcode, name_zh, name_en, category, list_price_minor, member_prices,
           points_eligible, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
         ON CONFLICT (sku) DO UPDATE SET barcode = excluded.barcode, name_zh = excluded.name_zh,
           name_en = excluded.name_en, category = excluded.category, list_price_minor = excluded.list_price_minor,
           member_prices = excluded.member_prices, points_eligible = excluded.points_eligible,
           active = excluded.active, updated_at = now()
         RETURNING ${productColumns}`,
        [
          randomUUID(),
          input.sku,
          barcode,
          input.name.zh,
          input.name.en || input.name.zh,
          input.category,
          input.listPriceMinor,
          JSON.stringify(input.tierPrices),
          input.pointsEligible,
          input.active,
        ],
      ));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new HubError('ALREADY_EXISTS', 409, `barcode ${barcode} belongs to another product`, 'barcode');
      throw error;
    }
    return { result: rows[0]!, changes: [{ kind: 'product', data: rows[0]! }] };
  });
}

/** Sets the list price, or one tier's member price (null: that tier pays the list price again). */
export async function setPrice(storage: HubStorage, sku: string, input: PriceInput): Promise<HubProduct> {
  return catalogueWrite(storage, async (tx) => {
    const product = await productBySku(tx, skuParam(sku), true);
    const prices = { ...product.tierPrices };
    let list = product.listPriceMinor;
    if (input.tier) {
      if (!(await tierCodes(tx)).has(input.tier)) throw badField('tier', `no tier has the code ${input.tier}`);
      if (input.priceMinor === null) delete prices[input.tier];
      else prices[input.tier] = input.priceMinor;
    } else list = input.priceMinor!;
    await checkMemberPrices(tx, list, prices).catch((error: unknown) => {
      // A list price under a member price: the field to fix is the price typed, not the tier's.
      if (!input.tier && error instanceof HubError)
        throw badField('priceMinor', `below a member price of ${product.sku} (${error.message}); lower that first`);
      throw error;
    });
    const { rows } = await tx.query<HubProduct>(
      `UPDATE products SET list_price_minor = $2, member_prices = $3::jsonb, updated_at = now()
        WHERE id = $1 RETURNING ${productColumns}`,
      [product.id, list, JSON.stringify(prices)],
    );
    return { result: rows[0]!, changes: [{ kind: 'product', data: rows[0]! }] };
  });
}

/** The product is not sold any more at any shop; its sales and refunds still resolve there. */
export async function retireProduct(storage: HubStorage, sku: string): Promise<HubProduct> {
  return catalogueWrite(storage, async (tx) => {
    const product = await productBySku(tx, skuParam(sku), true);
    const { rows } = await tx.query<HubProduct>(
      `UPDATE products SET active = false, updated_at = now() WHERE id = $1 RETURNING ${productColumns}`,
      [product.id],
    );
    return { result: rows[0]!, changes: [{ kind: 'product', data: rows[0]! }] };
  });
}

export async function listProducts(db: Queryable): Promise<HubProduct[]> {
  return (await db.query<HubProduct>(`SELECT ${productColumns} FROM products ORDER BY category, sku`)).rows;
}
