import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptBlock, ReceiptDocument } from '../../core/contract';

// Draws any ReceiptDocument as paper on screen: the same document the printer gets. QR codes are
// drawn as a look-alike pattern from their data (the printer renders the real code natively); the
// data itself is shown under it so staff can read where it points.

function hash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function QrLookalike({ data }: { data: string }) {
  const n = 25;
  const cells: ReactNode[] = [];
  const finder = (x: number, y: number) => {
    const inX = x - (x < 8 ? 0 : n - 7);
    const inY = y - (y < 8 ? 0 : n - 7);
    return { inX, inY, in: (x < 7 || x >= n - 7) && (y < 7 || y >= n - 7) && !(x >= n - 7 && y >= n - 7) };
  };
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const f = finder(x, y);
      let on: boolean;
      if (f.in) {
        const ring = Math.max(Math.abs(f.inX - 3), Math.abs(f.inY - 3));
        on = ring !== 2;
      } else if ((x < 8 && (y < 8 || y >= n - 8)) || (x >= n - 8 && y < 8)) on = false;
      else on = (hash(data, y * n + x) & 3) === 0 || (hash(data, x * 7 + y) & 7) === 1;
      if (on) cells.push(<rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} />);
    }
  }
  return (
    <svg className="receipt__qr" viewBox={`-2 -2 ${n + 4} ${n + 4}`} role="img" aria-label={data}>
      <rect x={-2} y={-2} width={n + 4} height={n + 4} fill="#fff" />
      <g fill="#000">{cells}</g>
    </svg>
  );
}

function Barcode({ data }: { data: string }) {
  const bars: ReactNode[] = [];
  let x = 0;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    for (let b = 0; b < 4; b++) {
      const w = ((code >> b) & 1) + 1;
      if (b % 2 === 0) bars.push(<rect key={`${i}-${b}`} x={x} y={0} width={w} height={40} />);
      x += w;
    }
  }
  return (
    <svg className="receipt__barcode" viewBox={`0 0 ${Math.max(1, x)} 40`} preserveAspectRatio="none" role="img" aria-label={data}>
      <g fill="#000">{bars}</g>
    </svg>
  );
}

function Bitmap({ width, height, bitsBase64 }: { width: number; height: number; bitsBase64: string }) {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(bitsBase64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const rowBytes = Math.ceil(width / 8);
  const cells: ReactNode[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((bytes[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) cells.push(<rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} />);
    }
  }
  return (
    <svg className="receipt__image" viewBox={`0 0 ${width} ${height}`} role="img">
      <g fill="#000">{cells}</g>
    </svg>
  );
}

function Block({ block }: { block: ReceiptBlock }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'text':
      return (
        <div className={`receipt__text receipt__text--${block.align ?? 'left'}${block.bold ? ' receipt__text--bold' : ''} receipt__text--${block.size ?? 'normal'}`}>
          {block.text}
        </div>
      );
    case 'row':
      return (
        <div className={`receipt__row${block.bold ? ' receipt__text--bold' : ''}`}>
          <span>{block.left}</span>
          <span>{block.right}</span>
        </div>
      );
    case 'rule':
      return <div className={`receipt__rule${block.char === '=' ? ' receipt__rule--double' : ''}`} aria-hidden="true" />;
    case 'qr':
      return (
        <figure className="receipt__figure" data-testid="receipt-qr" data-qr={block.data} title={t('receiptPreview.qr')}>
          <QrLookalike data={block.data} />
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    case 'barcode':
      return (
        <figure className="receipt__figure">
          <Barcode data={block.data} />
          <figcaption>{block.caption ?? block.data}</figcaption>
        </figure>
      );
    case 'image':
      return <Bitmap width={block.width} height={block.height} bitsBase64={block.bitsBase64} />;
    case 'feed':
      return <div style={{ height: `${block.lines * 0.9}em` }} aria-hidden="true" />;
    case 'cut':
      return <div className="receipt__cut" aria-hidden="true" />;
    case 'drawer':
      return null;
  }
}

export function ReceiptPreview({ doc }: { doc: ReceiptDocument }) {
  const { t } = useTranslation();
  return (
    <article className="receipt" aria-label={`${t('receiptPreview.label')} ${doc.title}`} data-testid="receipt-preview" data-kind={doc.kind}>
      {doc.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </article>
  );
}
