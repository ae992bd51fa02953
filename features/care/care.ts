// Feedback after a visit and service requests (issue 10). A request gets a short ticket number,
// printed on the receipt printer in the same transaction that records it; staff answer and close
// it at the counter and the member sees its status at the self-service terminal. Every change and
// its outbox event commit together.
import {
  LinliError,
  type FeedbackInfo,
  type FeedbackSummary,
  type OpenedServiceRequest,
  type ParsedInput,
  type ServiceRequestInfo,
  type StaffFeedbackInfo,
  type StaffServiceRequestInfo,
} from '../../contract';
import type { FeedbackRow, ServiceRequestRow } from '../../db/repositories/care';
import { maskPhone } from '../../domain/mask';
import { serviceTicketDocument, ticketNumber } from '../../domain/service-ticket';
import { queuePrint } from '../checkout/sale-views';
import type { SomeHandlers } from '../handler';
import { utcOffset } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';

const ticketPrefixKey = 'care.ticket_prefix';
const listLimit = 100;
const recentFeedback = 20;

const ticketPrefix = (ports: Ports) => ports.store.settings.get(ticketPrefixKey) ?? 'S';

function storeName(ports: Ports): string {
  const storeId = ports.config.storeId();
  return (storeId ? ports.store.stores.get(storeId)?.name : null) ?? 'Linli';
}

const feedbackInfo = (r: FeedbackRow): FeedbackInfo => ({
  id: r.id,
  rating: r.rating,
  tags: r.tags,
  comment: r.comment,
  at: r.at,
});

const requestInfo = (r: ServiceRequestRow): ServiceRequestInfo => ({
  id: r.id,
  ticketNo: r.ticketNo,
  kind: r.kind,
  description: r.description,
  preferredAt: r.preferredAt,
  status: r.status,
  answer: r.answer,
  answeredAt: r.answeredAt,
  closedAt: r.closedAt,
  createdAt: r.createdAt,
});

function staffRequestInfo(ports: Ports, r: ServiceRequestRow): StaffServiceRequestInfo {
  const member = ports.store.members.get(r.memberId);
  return {
    ...requestInfo(r),
    memberId: r.memberId,
    memberName: member?.name ?? '',
    maskedPhone: member ? maskPhone(member.phone) : '',
  };
}

export function submitFeedback(ports: Ports, memberId: string, input: ParsedInput<'submitFeedback'>): FeedbackInfo {
  const at = ports.clock.now().toISOString();
  const row: FeedbackRow = {
    id: ports.ids.newId(),
    memberId,
    rating: input.rating,
    tags: [...new Set(input.tags)],
    comment: input.comment.trim(),
    at,
  };
  ports.store.transaction(() => {
    ports.store.care.insertFeedback(row);
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'feedback.submitted',
      aggregateId: row.id,
      payload: row,
      createdAt: at,
    });
  });
  return feedbackInfo(row);
}

export function feedbackSummary(ports: Ports): FeedbackSummary {
  const byRating = ports.store.care.ratingCounts();
  const count = byRating.reduce((a, n) => a + n, 0);
  const sum = byRating.reduce((a, n, i) => a + n * (i + 1), 0);
  const recent: StaffFeedbackInfo[] = ports.store.care.recentFeedback(recentFeedback).map((r) => ({
    ...feedbackInfo(r),
    memberName: ports.store.members.get(r.memberId)?.name ?? '',
  }));
  return { count, average: count ? Math.round((sum / count) * 10) / 10 : null, byRating, recent };
}

export function openServiceRequest(
  ports: Ports,
  memberId: string,
  input: ParsedInput<'openServiceRequest'>,
): OpenedServiceRequest {
  const now = ports.clock.now();
  const at = now.toISOString();
  let preferredAt: string | null = null;
  if (input.kind === 'appointment') {
    if (!input.preferredAt) throw new LinliError('REQUEST_TIME_REQUIRED', undefined, 'preferredAt');
    const when = Date.parse(input.preferredAt);
    if (!(when > now.getTime())) throw new LinliError('REQUEST_TIME_INVALID', undefined, 'preferredAt');
    preferredAt = new Date(when).toISOString();
  }
  const description = input.description.trim();
  const result = ports.store.transaction(() => {
    const seq = ports.store.care.nextRequestSeq();
    const row = {
      id: ports.ids.newId(),
      seq,
      ticketNo: ticketNumber(ticketPrefix(ports), seq),
      memberId,
      kind: input.kind,
      description,
      preferredAt,
      createdAt: at,
    };
    ports.store.care.insertRequest(row);
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'request.opened',
      aggregateId: row.id,
      payload: {
        id: row.id,
        memberId,
        ticketNo: row.ticketNo,
        kind: row.kind,
        description,
        preferredAt,
        createdAt: at,
      },
      createdAt: at,
    });
    // The ticket is queued with the request; a printer problem never undoes the request (the number is on screen).
    const printJobId = queuePrint(
      ports,
      serviceTicketDocument({
        storeName: storeName(ports),
        ticketNo: row.ticketNo,
        kind: row.kind,
        description,
        preferredAt,
        createdAt: at,
        utcOffsetMinutes: utcOffset(ports),
      }),
    );
    return { id: row.id, printJobId };
  });
  return { ...requestInfo(ports.store.care.getRequest(result.id)!), printJobId: result.printJobId };
}

function requireOpen(ports: Ports, requestId: string): ServiceRequestRow {
  const row = ports.store.care.getRequest(requestId);
  if (!row) throw new LinliError('REQUEST_UNKNOWN');
  if (row.status === 'closed') throw new LinliError('REQUEST_CLOSED');
  return row;
}

export function answerServiceRequest(
  ports: Ports,
  staff: { id: string },
  input: { requestId: string; answer: string },
): StaffServiceRequestInfo {
  const answer = input.answer.trim();
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    const row = requireOpen(ports, input.requestId);
    if (!ports.store.care.answerRequest(row.id, answer, at, staff.id)) throw new LinliError('REQUEST_CLOSED');
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'request.answered',
      aggregateId: row.id,
      payload: { id: row.id, answer, at, staffId: staff.id },
      createdAt: at,
    });
  });
  return staffRequestInfo(ports, ports.store.care.getRequest(input.requestId)!);
}

export function closeServiceRequest(ports: Ports, staff: { id: string }, requestId: string): StaffServiceRequestInfo {
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    const row = requireOpen(ports, requestId);
    if (!ports.store.care.closeRequest(row.id, at, staff.id)) throw new LinliError('REQUEST_CLOSED');
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'request.closed',
      aggregateId: row.id,
      payload: { id: row.id, at, staffId: staff.id },
      createdAt: at,
    });
  });
  return staffRequestInfo(ports, ports.store.care.getRequest(requestId)!);
}

export const careHandlers = {
  submitFeedback: (input, { ports, customer }) => submitFeedback(ports, customer.memberId, input),
  openServiceRequest: (input, { ports, customer }) => openServiceRequest(ports, customer.memberId, input),
  myServiceRequests: (_input, { ports, customer }) =>
    ports.store.care.requestsOfMember(customer.memberId, listLimit).map(requestInfo),
  listServiceRequests: (input, { ports }) =>
    ports.store.care
      .listRequests((input?.status ?? 'open') === 'open', listLimit)
      .map((r) => staffRequestInfo(ports, r)),
  answerServiceRequest: (input, { ports, staff }) => answerServiceRequest(ports, staff, input),
  closeServiceRequest: (input, { ports, staff }) => closeServiceRequest(ports, staff, input.requestId),
  feedbackSummary: (_input, { ports }) => feedbackSummary(ports),
} satisfies SomeHandlers;
