import { useState } from 'react';
import type { LeadListQuery } from '../../leads/api-client.ts';
import { repApi } from '../../state/rep-session.ts';
import { cstDay } from '../../leads/cst-day.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { errorMessage } from './use-api.ts';

/** Manager only: the leads matching the list's tag and period as a CSV download (UTF-8 with BOM). */
export function ExportButton({ query }: { query: Pick<LeadListQuery, 'tag' | 'from' | 'to' | 'store'> }) {
  const { r } = useRepI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const url = URL.createObjectURL(await repApi.exportCsv(query));
      const a = document.createElement('a');
      a.href = url;
      a.download = `leads-${cstDay(Date.now())}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void download()} disabled={busy} data-testid="export-csv">
        {r(busy ? 'export.busy' : 'export')}
      </button>
      {error && <p className="rep-problem" role="alert">{r('export.failed', { message: error })}</p>}
    </>
  );
}
