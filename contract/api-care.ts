// Feedback and service requests: a member rates a visit or opens a request at the self-service
// terminal (a ticket number is printed); staff see, answer and close them at the counter.
import { z } from 'zod';
import { methodsOf } from './method';
import { fail, id, int, noInput, oneOf, text } from './schema-kit';
import {
  feedbackCommentMax,
  feedbackTags,
  requestAnswerMax,
  requestDescriptionMax,
  requestKinds,
  type FeedbackInfo,
  type FeedbackSummary,
  type OpenedServiceRequest,
  type ServiceRequestInfo,
  type StaffServiceRequestInfo,
} from './care-types';

const m = methodsOf('care');

const requestId = id('REQUEST_UNKNOWN');

export const careMethods = {
  submitFeedback: m
    .customer(
      z.object({
        rating: int('FEEDBACK_RATING_INVALID', 1, 5, 'rating'),
        tags: z
          .array(oneOf(feedbackTags, 'FEEDBACK_TAG_INVALID', 'tags'), fail('FEEDBACK_TAG_INVALID', { field: 'tags' }))
          .max(feedbackTags.length, fail('FEEDBACK_TAG_INVALID', { field: 'tags' }))
          .default([]),
        comment: text('FEEDBACK_COMMENT_TOO_LONG', { max: feedbackCommentMax, field: 'comment' }).default(''),
      }),
    )
    .returns<FeedbackInfo>(),
  /** Opens a request and prints its ticket; appointments need a preferred time in the future. */
  openServiceRequest: m
    .customer(
      z.object({
        kind: oneOf(requestKinds, 'REQUEST_KIND_INVALID', 'kind'),
        description: text('REQUEST_DESCRIPTION_TOO_LONG', {
          max: requestDescriptionMax,
          missing: 'REQUEST_DESCRIPTION_REQUIRED',
          required: true,
          field: 'description',
        }),
        preferredAt: z.iso
          .datetime({ offset: true, ...fail('REQUEST_TIME_INVALID', { field: 'preferredAt' }) })
          .nullish(),
      }),
    )
    .returns<OpenedServiceRequest>(),
  myServiceRequests: m.customer(noInput).returns<ServiceRequestInfo[]>(),
  listServiceRequests: m
    .staff(z.object({ status: oneOf(['open', 'all'], 'REQUEST_STATUS_INVALID', 'status').optional() }).optional())
    .returns<StaffServiceRequestInfo[]>(),
  answerServiceRequest: m
    .staff(
      z.object({
        requestId,
        answer: text('REQUEST_ANSWER_TOO_LONG', {
          max: requestAnswerMax,
          missing: 'REQUEST_ANSWER_REQUIRED',
          required: true,
          field: 'answer',
        }),
      }),
    )
    .returns<StaffServiceRequestInfo>(),
  closeServiceRequest: m.staff(z.object({ requestId })).returns<StaffServiceRequestInfo>(),
  feedbackSummary: m.staff(noInput).returns<FeedbackSummary>(),
};
