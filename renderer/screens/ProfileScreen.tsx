import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApiErrorShape,
  consentPurposes,
  type CardInfo,
  type ConsentPurpose,
  type ConsentRecord,
  type MemberProfile,
  type MemberProfileInput,
} from '../../contract';
import { useApp } from '../app-context';
import { CardDialog, type CardDialogKind, type CardDialogResult } from '../components/CardDialog';
import { LoyaltyPanel } from '../components/LoyaltyPanel';
import { MemberQrPanel } from '../components/MemberQrPanel';
import { ProfileDialog } from '../components/ProfileDialog';
import { useAction, type RunOptions } from '../components/use-action';
import { toErrorShape } from '../errors';
import { formatCardNumber, formatDate, formatDateTime } from '../format';

/** The record that is in force for each purpose: the newest one. */
function latestConsents(records: ConsentRecord[]): Partial<Record<ConsentPurpose, ConsentRecord>> {
  const out: Partial<Record<ConsentPurpose, ConsentRecord>> = {};
  for (const r of records) {
    const seen = out[r.purpose];
    if (!seen || seen.recordedAt <= r.recordedAt) out[r.purpose] = r;
  }
  return out;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

type DialogState = { kind: CardDialogKind; number?: string } | null;

export function ProfileScreen({ memberId, initial }: { memberId: string; initial?: MemberProfile | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { api, navigate, showError } = useApp();
  const [member, setMember] = useState<MemberProfile | null>(initial ?? null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [dialogError, setDialogError] = useState<ApiErrorShape | null>(null);
  const [editing, setEditing] = useState(false);
  const { busy, run } = useAction();

  useEffect(() => {
    // Scanning the same member's card again brings a fresh profile for the same screen.
    if (initial) {
      setMember(initial);
      return;
    }
    let live = true;
    api
      .getMember({ memberId })
      .then((m) => live && setMember(m))
      .catch((e: unknown) => live && showError(e));
    return () => {
      live = false;
    };
  }, [api, memberId, initial, showError]);

  /** Runs one change; the server answers with the whole new profile. */
  const change = (work: () => Promise<MemberProfile>, options?: RunOptions): Promise<boolean> =>
    run(async () => setMember(await work()), options);

  const openDialog = (next: DialogState) => {
    setDialogError(null);
    setDialog(next);
  };

  const confirmDialog = async ({ reason, card }: CardDialogResult) => {
    if (!dialog) return;
    const number = dialog.number ?? '';
    const done = await change(
      () => {
        if (dialog.kind === 'assign') return api.assignCard({ memberId, card });
        if (dialog.kind === 'block') return api.blockCard({ memberId, number, reason });
        return api.replaceCard({ memberId, number, reason, card });
      },
      { onError: (e) => setDialogError(toErrorShape(e)) },
    );
    if (done) setDialog(null);
  };

  const openEdit = () => {
    setDialogError(null);
    setEditing(true);
  };

  const confirmEdit = async (input: MemberProfileInput) => {
    const done = await change(() => api.updateMemberProfile(input), {
      onError: (e) => setDialogError(toErrorShape(e)),
    });
    if (done) setEditing(false);
  };

  const toggleConsent = (purpose: ConsentPurpose, granted: boolean) =>
    void change(() => api.updateConsents({ memberId, consents: { [purpose]: !granted } }));

  if (!member) return <p className="muted">{t('app.loading')}</p>;

  const consents = latestConsents(member.consents);
  const cardStatus = (c: CardInfo) => t(`cards.status.${c.status}`);
  const dash = t('app.none');

  return (
    <section className="screen profile" aria-labelledby="profile-name">
      <div className="profile__head">
        <h1 id="profile-name" data-testid="profile-name">
          {member.name}
        </h1>
        <button type="button" className="button" data-testid="profile-edit" disabled={busy} onClick={openEdit}>
          {t('profile.edit')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="profile-back"
          onClick={() => navigate({ name: 'search' })}
        >
          {t('app.back')}
        </button>
      </div>

      <div className="profile__grid">
        <div className="panel">
          <dl className="kv-list">
            <Row label={t('profile.phone')} testId="profile-phone">
              {member.phoneDisplay}
            </Row>
            <Row label={t('profile.card')} testId="profile-card">
              {member.activeCard ? formatCardNumber(member.activeCard) : t('cards.none')}
            </Row>
            <Row label={t('profile.birthday')} testId="profile-birthday">
              {member.birthday ? formatDate(member.birthday, lng) : dash}
            </Row>
            <Row label={t('profile.gender')} testId="profile-gender">
              {t(`genders.${member.gender}`)}
            </Row>
            <Row label={t('profile.community')} testId="profile-community">
              {member.community ?? dash}
            </Row>
            <Row label={t('profile.interests')} testId="profile-interests">
              {member.interests.length ? member.interests.join(lng === 'en' ? ', ' : '、') : dash}
            </Row>
            <Row label={t('profile.referralCode')} testId="profile-referral-code">
              {member.referralCode}
            </Row>
            <Row label={t('profile.referredBy')} testId="profile-referred-by">
              {member.referredBy ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => member.referredBy && navigate({ name: 'profile', memberId: member.referredBy.id })}
                >
                  {member.referredBy.name}
                </button>
              ) : (
                dash
              )}
            </Row>
            <Row label={t('profile.enrolled')} testId="profile-enrolled">
              {t('profile.enrolledDetail', {
                date: formatDateTime(member.enrolledAt, lng),
                store: member.enrolledStore ?? dash,
                staff: member.enrolledBy ?? dash,
              })}
            </Row>
          </dl>
        </div>

        <LoyaltyPanel memberId={member.id} />
      </div>

      <MemberQrPanel memberId={member.id} />

      <div className="panel">
        <h2>{t('profile.consents')}</h2>
        <ul className="rows">
          {consentPurposes.map((purpose) => {
            const record = consents[purpose];
            const granted = record?.granted ?? false;
            return (
              <li key={purpose} className="row" data-testid={`consent-row-${purpose}`} data-granted={String(granted)}>
                <div className="row__main">
                  <span className="row__title">{t(`consent.purposes.${purpose}`)}</span>
                  <span className={granted ? 'badge badge--ok' : 'badge'}>
                    {granted ? t('consent.granted') : t('consent.notGranted')}
                  </span>
                  <span className="muted row__detail">
                    {record
                      ? t('consent.recorded', {
                          time: formatDateTime(record.recordedAt, lng),
                          source: t(`consent.sources.${record.source}`),
                          staff: record.staffName ?? dash,
                        })
                      : t('consent.neverRecorded')}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  data-testid={`consent-toggle-${purpose}`}
                  disabled={busy}
                  onClick={() => toggleConsent(purpose, granted)}
                >
                  {granted ? t('consent.withdraw') : t('consent.grant')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>

      <div className="panel">
        <div className="panel__head">
          <h2>{t('cards.title')}</h2>
          <button
            type="button"
            className="button button--primary"
            data-testid="card-assign"
            disabled={busy}
            onClick={() => openDialog({ kind: 'assign' })}
          >
            {t('cards.assign')}
          </button>
        </div>
        {member.cards.length === 0 && <p className="muted">{t('cards.none')}</p>}
        <ul className="rows">
          {member.cards.map((card) => (
            <li key={card.number} className="row" data-testid={`card-row-${card.number}`} data-status={card.status}>
              <div className="row__main">
                <span className="row__title mono">{formatCardNumber(card.number)}</span>
                <span className={card.status === 'active' ? 'badge badge--ok' : 'badge badge--bad'}>
                  {cardStatus(card)}
                </span>
                <span className="muted row__detail">
                  {card.status === 'blocked'
                    ? t('cards.blockedAt', {
                        time: formatDateTime(card.blockedAt, lng),
                        reason: card.blockReason ? t(`cards.reasons.${card.blockReason}`) : dash,
                      })
                    : t('cards.issuedAt', { time: formatDateTime(card.issuedAt, lng) })}
                </span>
              </div>
              {card.status === 'active' && (
                <div className="row__actions">
                  <button
                    type="button"
                    className="button"
                    data-testid={`card-block-${card.number}`}
                    disabled={busy}
                    onClick={() => openDialog({ kind: 'block', number: card.number })}
                  >
                    {t('cards.block')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-testid={`card-replace-${card.number}`}
                    disabled={busy}
                    onClick={() => openDialog({ kind: 'replace', number: card.number })}
                  >
                    {t('cards.replace')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>

      {editing && (
        <ProfileDialog
          member={member}
          busy={busy}
          error={dialogError}
          onEdit={() => setDialogError(null)}
          onConfirm={(input) => void confirmEdit(input)}
          onCancel={() => setEditing(false)}
        />
      )}

      {dialog && (
        <CardDialog
          kind={dialog.kind}
          number={dialog.number}
          busy={busy}
          error={dialogError}
          onEdit={() => setDialogError(null)}
          onConfirm={(result) => void confirmDialog(result)}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}
