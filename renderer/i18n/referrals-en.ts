import type { MessageShape } from './zh-CN';
import type { referralsZhCN } from './referrals-zh-CN';

export const referralsEn: MessageShape<typeof referralsZhCN> = {
  referrals: {
    title: 'Invite friends',
    lead: 'A friend gives your code when they join; after their first purchase you get {{referrer}} points and they get {{friend}}.',
    myCode: 'My referral code',
    qr: 'QR code of my referral code',
    friends: 'Friends I invited',
    noFriends: 'No friend has joined with your code yet.',
    rewarded: '+{{points}} points',
    waiting: 'Waiting for their first purchase',
    earned: '{{points}} points earned',
    referredBy: 'Invited by {{name}}',
    nameTitle: 'Did a friend invite you?',
    nameLead: 'Enter their referral code before your first purchase: you both get points.',
    codeLabel: "Your friend's referral code",
    submit: 'Confirm',
    named: 'Thank you. You both get points after your first purchase.',
  },
};
