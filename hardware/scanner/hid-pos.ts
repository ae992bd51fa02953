// HID POS barcode scanner reports (USB-IF "HID Point of Sale Usage Tables", usage page 0x8C,
// usage 0x02): input report id 2, byte 1 the data length in this report, bytes 2–4 the AIM
// symbology id, bytes 5–60 data, bit 0 of the last byte set when the next report continues the code.
import { symbologyFromAim } from './symbology';

export const hidPosUsagePage = 0x8c;
export const hidPosReportId = 0x02;
const dataOffset = 5;
const maxDataPerReport = 56;

export interface DecodedScan {
  text: string;
  symbology?: string;
}

export interface HidPosDecoder {
  /** One input report as read from hidraw (report id first). Returns a scan when a code is complete. */
  push(report: Uint8Array): DecodedScan | null;
}

export function createHidPosDecoder(options: { maxLength?: number } = {}): HidPosDecoder {
  const maxLength = options.maxLength ?? 4096;
  let parts: number[] = [];
  let aim = '';
  let overflow = false;
  return {
    push(report) {
      if (report.length < dataOffset + 1 || report[0] !== hidPosReportId) return null;
      const length = Math.min(report[1]!, maxDataPerReport, report.length - dataOffset - 1);
      if (parts.length === 0 && !overflow) aim = String.fromCharCode(report[2]!, report[3]!, report[4]!);
      if (parts.length + length > maxLength) overflow = true;
      else for (let i = 0; i < length; i++) parts.push(report[dataOffset + i]!);
      const more = (report[report.length - 1]! & 0x01) === 1;
      if (more) return null;
      const bytes = Uint8Array.from(parts);
      const wasOverflow = overflow;
      parts = [];
      overflow = false;
      // An overlong code is dropped whole, never cut into a shorter (and wrong) one.
      if (wasOverflow || bytes.length === 0) return null;
      const symbology = symbologyFromAim(aim);
      const text = new TextDecoder('utf-8').decode(bytes);
      return symbology ? { text, symbology } : { text };
    },
  };
}

/** Builds the reports a HID POS scanner sends for one code (tests and the simulator use it). */
export function hidPosReports(text: string, aim = ']Q0', reportLength = 64): Uint8Array[] {
  const data = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let at = 0; at < data.length || at === 0; at += maxDataPerReport) {
    const chunk = data.subarray(at, at + maxDataPerReport);
    const report = new Uint8Array(reportLength);
    report[0] = hidPosReportId;
    report[1] = chunk.length;
    report.set([aim.charCodeAt(0), aim.charCodeAt(1), aim.charCodeAt(2)], 2);
    report.set(chunk, dataOffset);
    report[reportLength - 1] = at + maxDataPerReport < data.length ? 0x01 : 0x00;
    reports.push(report);
    if (data.length === 0) break;
  }
  return reports;
}
