// Feedback after a visit and service requests (complaint, repair, appointment), from the
// self-service terminal; staff answer and close requests at the counter.

export const feedbackTags = ['friendly', 'clean', 'quick', 'products', 'prices', 'waiting'] as const;
export type FeedbackTag = (typeof feedbackTags)[number];

export const feedbackCommentMax = 500;

export interface FeedbackInfo {
  id: string;
  rating: number;
  tags: FeedbackTag[];
  comment: string;
  at: string;
}

/** Feedback as staff see it at the counter. */
export interface StaffFeedbackInfo extends FeedbackInfo {
  memberName: string;
}

export interface FeedbackSummary {
  count: number;
  /** The mean rating, one decimal; null when there is none. */
  average: number | null;
  /** How many of each rating: index 0 is one star, index 4 five stars. */
  byRating: [number, number, number, number, number];
  recent: StaffFeedbackInfo[];
}

export const requestKinds = ['complaint', 'repair', 'appointment'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestDescriptionMax = 500;
export const requestAnswerMax = 500;

/** A service request as the member sees it. */
export interface ServiceRequestInfo {
  id: string;
  /** Short and per shop, e.g. S-0042: printed for the member and said at the counter. */
  ticketNo: string;
  kind: RequestKind;
  description: string;
  /** When the member would like the appointment (appointments only). */
  preferredAt: string | null;
  status: RequestStatus;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

/** What opening a request answers: the request and the print job of its ticket. */
export interface OpenedServiceRequest extends ServiceRequestInfo {
  printJobId: string | null;
}

export interface StaffServiceRequestInfo extends ServiceRequestInfo {
  memberId: string;
  memberName: string;
  maskedPhone: string;
}
