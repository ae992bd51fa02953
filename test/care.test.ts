// Feedback and service requests at one terminal: a member rates a visit and opens requests at the
// self-service terminal (each request a ticket number, printed); staff answer and close them at the
// counter and the member sees the status. Bad input is refused with its code and nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoMember, openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { tempDir } from './support/temp-core';

let temp: ReturnType<typeof tempDir>;
let l: LoyaltyCore;

const count = (table: string) => (l.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const outboxOf = (type: string) => l.repos.outbox.pending().filter((e) => e.type === type);

beforeEach(async () => {
  temp = tempDir('linli-care-');
  l = await openLoyaltyCore(temp.dir, 'manager');
  await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
});
afterEach(async () => {
  await l.close();
  temp.remove();
});

describe('feedback', () => {
  it('is recorded with its event and summed up for the counter', async () => {
    await l.core.methods.submitFeedback({ rating: 5, tags: ['friendly', 'clean', 'friendly'], comment: ' 很好 ' });
    await l.core.methods.submitFeedback({ rating: 2, tags: ['waiting'] });
    await l.core.methods.submitFeedback({ rating: 5 });
    const summary = await l.core.methods.feedbackSummary();
    expect(summary).toMatchObject({ count: 3, average: 4, byRating: [0, 1, 0, 0, 2] });
    expect(summary.recent[2]).toMatchObject({
      rating: 5,
      tags: ['friendly', 'clean'],
      comment: '很好',
      memberName: '陈金卡',
    });
    expect(outboxOf('feedback.submitted')).toHaveLength(3);
  });

  it('refuses a rating outside 1–5, an unknown tag or a long comment, writing nothing', async () => {
    const cases: [unknown, string][] = [
      [{ rating: 0 }, 'FEEDBACK_RATING_INVALID'],
      [{ rating: 6 }, 'FEEDBACK_RATING_INVALID'],
      [{ rating: 3.5 }, 'FEEDBACK_RATING_INVALID'],
      [{ rating: 4, tags: ['rude'] }, 'FEEDBACK_TAG_INVALID'],
      [{ rating: 4, comment: '好'.repeat(501) }, 'FEEDBACK_COMMENT_TOO_LONG'],
    ];
    for (const [input, code] of cases)
      await expect(l.core.methods.submitFeedback(input as { rating: number })).rejects.toMatchObject({ code });
    expect(count('feedback')).toBe(0);
    expect(outboxOf('feedback.submitted')).toHaveLength(0);
  });
});

describe('service requests', () => {
  it('gets a ticket number, prints it, and staff answer and close it; the member sees each step', async () => {
    const first = await l.core.methods.openServiceRequest({ kind: 'repair', description: '茶壶盖子裂了' });
    const second = await l.core.methods.openServiceRequest({
      kind: 'appointment',
      description: '想预约品茶',
      preferredAt: '2026-06-16T06:00:00.000Z',
    });
    expect(first).toMatchObject({ ticketNo: 'S-0001', status: 'open', preferredAt: null });
    expect(second).toMatchObject({ ticketNo: 'S-0002', preferredAt: '2026-06-16T06:00:00.000Z' });
    expect(second.printJobId).toBeTruthy();
    const { job, lines } = await l.core.methods.getPrintJobPreview({ jobId: second.printJobId! });
    expect(job.kind).toBe('ticket');
    const paper = lines.join('\n');
    expect(paper).toContain('S-0002');
    expect(paper).toContain('想预约品茶');
    expect(paper).toContain('2026-06-16 14:00');
    // No name or phone on a slip that may be left behind.
    expect(paper).not.toContain('陈金卡');

    expect((await l.core.methods.listServiceRequests()).map((r) => r.ticketNo)).toEqual(['S-0001', 'S-0002']);
    const answered = await l.core.methods.answerServiceRequest({
      requestId: first.id,
      answer: ' 请明天带来，免费更换。 ',
    });
    expect(answered).toMatchObject({ status: 'answered', answer: '请明天带来，免费更换。', memberName: '陈金卡' });
    await l.core.methods.closeServiceRequest({ requestId: first.id });
    expect((await l.core.methods.listServiceRequests()).map((r) => r.ticketNo)).toEqual(['S-0002']);
    expect((await l.core.methods.listServiceRequests({ status: 'all' })).map((r) => r.ticketNo)).toEqual([
      'S-0002',
      'S-0001',
    ]);

    const mine = await l.core.methods.myServiceRequests();
    expect(mine.find((r) => r.id === first.id)).toMatchObject({
      status: 'closed',
      answer: '请明天带来，免费更换。',
    });
    expect(outboxOf('request.opened')).toHaveLength(2);
    expect(outboxOf('request.answered')).toHaveLength(1);
    expect(outboxOf('request.closed')).toHaveLength(1);

    // A closed request takes no more answers and is not closed twice.
    const events = l.repos.outbox.pending().length;
    await expect(l.core.methods.closeServiceRequest({ requestId: first.id })).rejects.toMatchObject({
      code: 'REQUEST_CLOSED',
    });
    await expect(
      l.core.methods.answerServiceRequest({ requestId: first.id, answer: '再说一次' }),
    ).rejects.toMatchObject({ code: 'REQUEST_CLOSED' });
    await expect(l.core.methods.closeServiceRequest({ requestId: 'nope' })).rejects.toMatchObject({
      code: 'REQUEST_UNKNOWN',
    });
    expect(l.repos.outbox.pending().length).toBe(events);
  });

  it('refuses a request without a description, or an appointment without a future time, writing nothing', async () => {
    const jobs = (await l.core.methods.listPrintJobs()).length;
    const cases: [unknown, string][] = [
      [{ kind: 'repair', description: '' }, 'REQUEST_DESCRIPTION_REQUIRED'],
      [{ kind: 'repair', description: '   ' }, 'REQUEST_DESCRIPTION_REQUIRED'],
      [{ kind: 'refund', description: '退钱' }, 'REQUEST_KIND_INVALID'],
      [{ kind: 'complaint', description: '长'.repeat(501) }, 'REQUEST_DESCRIPTION_TOO_LONG'],
      [{ kind: 'appointment', description: '预约' }, 'REQUEST_TIME_REQUIRED'],
      [{ kind: 'appointment', description: '预约', preferredAt: '2026-06-15T03:00:00.000Z' }, 'REQUEST_TIME_INVALID'],
      [{ kind: 'appointment', description: '预约', preferredAt: 'tomorrow' }, 'REQUEST_TIME_INVALID'],
    ];
    for (const [input, code] of cases)
      await expect(
        l.core.methods.openServiceRequest(input as { kind: 'repair'; description: string }),
      ).rejects.toMatchObject({ code });
    expect(count('service_requests')).toBe(0);
    expect(outboxOf('request.opened')).toHaveLength(0);
    expect((await l.core.methods.listPrintJobs()).length).toBe(jobs);
    await expect(l.core.methods.answerServiceRequest({ requestId: 'nope', answer: ' ' })).rejects.toMatchObject({
      code: 'REQUEST_ANSWER_REQUIRED',
    });
  });
});
