import type { MessageShape } from './zh-CN';
import type { postsZhCN } from './posts-zh-CN';

export const postsEn: MessageShape<typeof postsZhCN> = {
  posts: {
    title: 'Share your post or video',
    lead: 'Posted about our shop on Xiaohongshu, Douyin, WeChat Channels, Weibo, Bilibili or elsewhere? Give us the link: once it is approved you get {{points}} points.',
    urlLabel: 'Link to the post or video (https://…)',
    submit: 'Submit link',
    submitted: 'Submitted. Your points arrive once staff have approved it.',
    mine: 'My posts',
    none: 'You have not submitted any posts yet.',
    platform: {
      xiaohongshu: 'Xiaohongshu',
      douyin: 'Douyin',
      wechat: 'WeChat Channels',
      weibo: 'Weibo',
      bilibili: 'Bilibili',
      web: 'Web page',
    },
    status: {
      pending: 'Waiting for review',
      approved: 'Approved +{{points}} points',
      rejected: 'Not approved: {{reason}}',
    },
    review: {
      title: 'Posts to review',
      lead: 'Links members submitted at the self-service terminal. Open the link, then approve (points are awarded, once per post) or reject with a reason.',
      pointsLabel: 'Points for each approved post',
      savePoints: 'Save',
      pointsSaved: 'Saved.',
      filter: { pending: 'To review', approved: 'Approved', rejected: 'Rejected', all: 'All' },
      none: 'No posts to review.',
      member: 'Member',
      link: 'Link',
      submittedAt: 'Submitted',
      approve: 'Approve and award points',
      reject: 'Reject',
      reasonLabel: 'Reason for rejecting',
      confirmReject: 'Reject',
      cancel: 'Cancel',
      approved: 'Approved: {{name}} received {{points}} points.',
      rejectedDone: 'Rejected.',
      reviewedBy: 'Reviewed by {{name}}',
    },
  },
};
