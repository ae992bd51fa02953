import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptBlock, ReceiptDocument } from '../../contract';
import { barcodeSvgDataUrl } from '../scanner/qr-image';

// Draws any ReceiptDocument as paper on screen: the same document the printer gets. QR codes and
// barcodes are real (zxing-wasm's writer, served locally), so a member can scan the preview too;
// until one is drawn, or if drawing fails, its data is shown instead.

function Code({ data, format, className }: { data: string; format: 'QRCode' | 'Code128'; className: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    barcodeSvgDataUrl(data, format)
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [data, format]);
  return src ? (
    <img className={className} src={src} alt={data} />
  ) : (
    <span className={`${className} receipt__code-pending`}>{data}</span>
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
      if ((bytes[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1)
        cells.push(<rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} />);
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
        <div
          className={`receipt__text receipt__text--${block.align ?? 'left'}${block.bold ? ' receipt__text--bold' : ''} receipt__text--${block.size ?? 'normal'}`}
        >
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
      return (
        <div className={`receipt__rule${block.char === '=' ? ' receipt__rule--double' : ''}`} aria-hidden="true" />
      );
    case 'qr':
      return (
        <figure
          className="receipt__figure"
          data-testid="receipt-qr"
          data-qr={block.data}
          title={t('receiptPreview.qr')}
        >
          <Code data={block.data} format="QRCode" className="receipt__qr" />
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    case 'barcode':
      return (
        <figure className="receipt__figure">
          <Code data={block.data} format="Code128" className="receipt__barcode" />
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
    <article
      className="receipt"
      aria-label={`${t('receiptPreview.label')} ${doc.title}`}
      data-testid="receipt-preview"
      data-kind={doc.kind}
    >
      {doc.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </article>
  );
}
