import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genders, type ApiErrorShape, type Gender, type MemberProfile, type MemberProfileInput } from '../../contract';
import { parseInterests } from '../screens/enrol-form';
import { DateField } from './kit/DateField';
import { Dialog } from './kit/Dialog';
import { Field } from './kit/Field';

interface ProfileDialogProps {
  member: MemberProfile;
  busy: boolean;
  /** Why the last save was refused: under its field, or in the dialog when it is about no field. */
  error: ApiErrorShape | null;
  /** The person changed something: the old message goes. */
  onEdit(): void;
  onConfirm(input: MemberProfileInput): void;
  onCancel(): void;
}

const profileFields = ['name', 'birthday', 'gender', 'community', 'interests'];
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Correcting a member's name, birthday, gender, community and interests; the core checks them as at enrolment. */
export function ProfileDialog({ member, busy, error, onEdit, onConfirm, onCancel }: ProfileDialogProps) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(member.name);
  const [birthday, setBirthday] = useState(member.birthday ?? '');
  const [gender, setGender] = useState<Gender>(member.gender);
  const [community, setCommunity] = useState(member.community ?? '');
  const [interests, setInterests] = useState(member.interests.join(i18n.language === 'en' ? ', ' : '、'));
  const edited =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      onEdit();
    };
  const fieldError = (field: string) => (error?.field === field ? error : null);
  const submit = () =>
    onConfirm({
      memberId: member.id,
      name: name.trim(),
      birthday: orNull(birthday),
      gender,
      community: orNull(community),
      interests: parseInterests(interests),
    });

  return (
    <Dialog
      title={t('profile.editTitle')}
      testId="profile-dialog"
      onSubmit={submit}
      onCancel={onCancel}
      error={error && !profileFields.includes(error.field ?? '') ? error : null}
      busy={busy}
    >
      <Field label={t('profile.name')} field="name" error={fieldError('name')} required>
        <input
          className="input"
          autoComplete="off"
          data-testid="profile-dialog-name"
          value={name}
          onChange={(e) => edited(setName)(e.target.value)}
        />
      </Field>
      <Field label={t('profile.birthday')} field="birthday" error={fieldError('birthday')}>
        <DateField
          value={birthday}
          testId="profile-dialog-birthday"
          fromYear={1900}
          toYear={new Date().getFullYear()}
          onChange={edited(setBirthday)}
        />
      </Field>
      <Field label={t('profile.gender')} field="gender" error={fieldError('gender')}>
        <select
          className="input"
          data-testid="profile-dialog-gender"
          value={gender}
          onChange={(e) => edited(setGender)(e.target.value as Gender)}
        >
          {genders.map((g) => (
            <option key={g} value={g}>
              {t(`genders.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('profile.community')} field="community" error={fieldError('community')}>
        <input
          className="input"
          autoComplete="off"
          data-testid="profile-dialog-community"
          value={community}
          onChange={(e) => edited(setCommunity)(e.target.value)}
        />
      </Field>
      <Field
        label={t('profile.interests')}
        field="interests"
        error={fieldError('interests')}
        hint={t('enrol.interestsHint')}
      >
        <input
          className="input"
          autoComplete="off"
          data-testid="profile-dialog-interests"
          value={interests}
          onChange={(e) => edited(setInterests)(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
