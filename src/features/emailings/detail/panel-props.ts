import type { Emailing, EmailingStatistics } from '@/api/emailings';
import type { ResultFilter } from '../utils/condition.utils';

/** The link that opens the recipients of one result as a selection, or null where no condition can select them. */
export type SelectUrl = (filter: ResultFilter) => string | null;

/** What every statistics panel of the emailing page receives. */
export type StatisticsPanelProps = { emailing: Emailing; stats: EmailingStatistics; selectUrl: SelectUrl };
