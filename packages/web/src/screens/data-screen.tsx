// Your results and data: the bird-dog tests and stretch sessions kept on this device, and moving
// all of it out (a JSON file) and back in. Import checks the whole file before anything changes and
// says in one sentence what is wrong with a file it refuses.

import { useEffect, useRef, useState } from 'react';
import { parseExport, type BirdDogTestRecord, type StretchSessionRecord } from '@steadyback/core';
import { useAppData } from '../app-data.tsx';
import { db, exportAll, importAll, todayIso } from '../storage/db.ts';
import { downloadFile } from './report-files.ts';
import { BackToStart } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';
import { SharePanel } from './share-panel.tsx';

type Message = { kind: 'ok' | 'problem'; text: string };

function useStoredData() {
  const { refresh } = useAppData();
  const [tests, setTests] = useState<BirdDogTestRecord[]>([]);
  const [sessions, setSessions] = useState<StretchSessionRecord[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void (async () => {
      setTests(await db.birdDogTests.orderBy('dateIso').reverse().toArray());
      setSessions(await db.stretchSessions.orderBy('dateIso').reverse().toArray());
    })();
  }, [version]);

  const doExport = async () => {
    const doc = await exportAll(todayIso());
    downloadFile(JSON.stringify(doc, null, 2), `steadyback-export-${doc.exportedOnIso}.json`, 'application/json');
    setMessage({
      kind: 'ok',
      text: `Saved steadyback-export-${doc.exportedOnIso}.json: ${doc.birdDogTests.length} tests, ${doc.stretchSessions.length} stretch sessions, ${doc.painDays.length} pain check-ins.`,
    });
  };

  const doImport = async (file: File) => {
    const parsed = parseExport(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'problem', text: parsed.reason });
      return;
    }
    if (
      !window.confirm("Importing replaces everything steadyback keeps on this device with the file's data. Go ahead?")
    )
      return;
    await importAll(parsed.data);
    await refresh();
    setVersion((v) => v + 1);
    setMessage({
      kind: 'ok',
      text: `Imported ${parsed.data.birdDogTests.length} tests, ${parsed.data.stretchSessions.length} stretch sessions and ${parsed.data.painDays.length} pain check-ins.`,
    });
  };
  return { tests, sessions, message, doExport, doImport };
}

function TestList({ tests }: { readonly tests: readonly BirdDogTestRecord[] }) {
  if (tests.length === 0) return <p>No tests yet.</p>;
  return (
    <ul data-testid="test-list">
      {tests.map((t) => (
        <li key={t.id}>
          {t.dateIso}:{' '}
          {t.overall ? (
            <a href={`#/results/${t.id}`}>{t.overall.summary}</a>
          ) : t.status === 'in-progress' ? (
            'not finished'
          ) : (
            'stopped early'
          )}
        </li>
      ))}
    </ul>
  );
}

function SessionList({ sessions }: { readonly sessions: readonly StretchSessionRecord[] }) {
  if (sessions.length === 0) return <p>No stretch sessions yet.</p>;
  return (
    <ul data-testid="session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          {s.dateIso}: {s.holds.length} holds, {Math.round(s.holds.reduce((a, h) => a + h.goodFormMs, 0) / 1000)} s of
          good form
          {s.status === 'in-progress' ? ' (not finished)' : ''}
        </li>
      ))}
    </ul>
  );
}

function MoveData({
  message,
  onExport,
  onImport,
}: {
  readonly message: Message | null;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <div className="actions">
        <button type="button" className="button primary" onClick={onExport}>
          Export all data
        </button>
        <label className="button">
          Import a file
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onImport(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {message && (
        <p
          className={message.kind === 'problem' ? 'problem' : 'promise'}
          role={message.kind === 'problem' ? 'alert' : 'status'}
          data-testid="data-message"
        >
          {message.text}
        </p>
      )}
    </>
  );
}

export function DataScreen({ onBack }: { readonly onBack: () => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { tests, sessions, message, doExport, doImport } = useStoredData();

  return (
    <section className="screen" aria-labelledby="data-title">
      <h1 id="data-title" ref={heading} tabIndex={-1}>
        Your results and data
      </h1>
      <h2>Bird-dog tests</h2>
      <TestList tests={tests} />
      <h2>Stretch sessions</h2>
      <SessionList sessions={sessions} />
      <h2>Move your data</h2>
      <p>
        Everything stays on this device. You can save it all as one file (numbers only, no pictures) and load it on
        another device.
      </p>
      <MoveData message={message} onExport={() => void doExport()} onImport={(f) => void doImport(f)} />
      <SharePanel />
      <BackToStart onBack={onBack} />
    </section>
  );
}
