import type { UseMutationResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { collectionQueries } from '@/api/collections';
import type { DatabaseField } from '@/api/databases';
import type { FieldOwner } from '@/api/fields';
import { profileQueries } from '@/api/profiles';
import { useT } from '@/i18n/i18n';
import { ConfirmDeleteById } from '../profile/ConfirmDeleteModal';
import { deleteFieldMessages } from './delete-field-messages';
import { schemaMessages } from './messages';

/**
 * Confirms DELETE database|collection/$id/field/$field, saying how many profiles or subprofiles lose a value:
 * every record of the owner has the field (docs/api/databases.md §2–3). The count is asked afresh.
 */
export function DeleteFieldConfirm({
  owner,
  field,
  mutation,
  onClose,
}: {
  owner: FieldOwner;
  field: DatabaseField;
  mutation: UseMutationResult<unknown, Error, string>;
  onClose: () => void;
}) {
  const t = useT(deleteFieldMessages);
  const ts = useT(schemaMessages);
  const fresh = { refetchOnMount: 'always' } as const;
  const profiles = useQuery({ ...profileQueries.total(owner.id, []), ...fresh, enabled: owner.kind === 'database' });
  const subprofiles = useQuery({ ...collectionQueries.subprofileTotal(owner.id, []), ...fresh, enabled: owner.kind === 'collection' });
  const count = owner.kind === 'database' ? profiles : subprofiles;
  const name = field.name;
  const body = count.isFetching
    ? t('counting', { name })
    : count.isError
      ? t('countFailed', { name, message: count.error.message })
      : t(owner.kind === 'database' ? 'profiles' : 'subprofiles', { name, count: count.data ?? 0 });
  return (
    <ConfirmDeleteById
      id={String(field.ID)}
      mutation={mutation}
      title={ts('deleteFieldTitle', { name })}
      body={body}
      confirmDisabled={count.isFetching}
      onClose={onClose}
    />
  );
}
