// "Share with your physical therapist": the person types the clinic's address and the invitation
// code, sees exactly what would be sent, and confirms; nothing goes anywhere before that. Once
// shared they can send the latest results, read their therapist's note and dose, stop sharing, or
// stop and have the clinic delete what it holds.

import { useState } from 'react';
import type { SteadybackExport } from '@steadyback/core';
import { exportAll, todayIso } from '../storage/db.ts';
import {
  acceptInvitation,
  clinicOrigin,
  fetchTherapistPlan,
  loadShare,
  saveShare,
  sendResults,
  stopSharing,
  whatWillBeSent,
  type ClinicShare,
  type TherapistPlan,
} from '../sharing/clinic-share.ts';

type Note = { kind: 'ok' | 'problem'; text: string };

function NoteLine({ note }: { readonly note: Note | null }) {
  if (!note) return null;
  return (
    <p
      className={note.kind === 'problem' ? 'problem' : 'promise'}
      role={note.kind === 'problem' ? 'alert' : 'status'}
      data-testid="share-message"
    >
      {note.text}
    </p>
  );
}

function PlanView({ plan }: { readonly plan: TherapistPlan }) {
  const dose = [
    plan.holdSeconds !== null ? `hold ${plan.holdSeconds} s` : null,
    plan.setsPerSide !== null ? `${plan.setsPerSide} sets per side` : null,
    plan.daysPerWeek !== null ? `${plan.daysPerWeek} days a week` : null,
  ].filter((x) => x !== null);
  return (
    <div className="promise" data-testid="therapist-plan">
      <h3>From your physical therapist</h3>
      <p>{plan.note || 'No note yet.'}</p>
      {dose.length > 0 && <p>Stretch dose: {dose.join(', ')}.</p>}
    </div>
  );
}

function ConfirmSend(props: {
  readonly origin: string;
  readonly doc: SteadybackExport;
  readonly onSend: () => void;
  readonly onCancel: () => void;
}) {
  return (
    <div data-testid="share-preview">
      <p>This is what will be sent to {props.origin}:</p>
      <ul>
        {whatWillBeSent(props.doc).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button primary" onClick={props.onSend}>
          Send to my physical therapist
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function StartSharing({ onShared }: { readonly onShared: (share: ClinicShare, note: Note) => void }) {
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<{ origin: string; doc: SteadybackExport } | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const look = async () => {
    const origin = clinicOrigin(address);
    if (!origin.ok) return setNote({ kind: 'problem', text: origin.reason });
    if (code.trim() === '')
      return setNote({ kind: 'problem', text: 'Type the invitation code your physical therapist gave you.' });
    setNote(null);
    setPreview({ origin: origin.origin, doc: await exportAll(todayIso()) });
  };
  const send = async (origin: string, doc: SteadybackExport) => {
    const accepted = await acceptInvitation(origin, code);
    if (!accepted.ok) return setNote({ kind: 'problem', text: accepted.reason });
    const sent = await sendResults(accepted.share, doc);
    // The invitation is used up once accepted: keep the share even if this first upload failed.
    saveShare(sent.ok ? sent.share : accepted.share);
    onShared(
      sent.ok ? sent.share : accepted.share,
      sent.ok ? { kind: 'ok', text: `Sent to ${origin}.` } : { kind: 'problem', text: sent.reason },
    );
  };
  if (preview)
    return (
      <ConfirmSend
        origin={preview.origin}
        doc={preview.doc}
        onSend={() => void send(preview.origin, preview.doc)}
        onCancel={() => setPreview(null)}
      />
    );
  return (
    <>
      <label className="field">
        The clinic&apos;s address
        <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://" autoComplete="off" />
      </label>
      <label className="field">
        Invitation code
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" />
      </label>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void look()}>
          See what will be sent
        </button>
      </div>
      <NoteLine note={note} />
    </>
  );
}

function Sharing(props: {
  readonly share: ClinicShare;
  readonly onChange: (share: ClinicShare | null, note: Note) => void;
}) {
  const { share, onChange } = props;
  const [plan, setPlan] = useState<TherapistPlan | null>(null);
  const sendLatest = async () => {
    const sent = await sendResults(share, await exportAll(todayIso()));
    if (sent.ok) saveShare(sent.share);
    onChange(
      sent.ok ? sent.share : share,
      sent.ok ? { kind: 'ok', text: 'Your latest results were sent.' } : { kind: 'problem', text: sent.reason },
    );
    const got = await fetchTherapistPlan(share);
    if (got.ok) setPlan(got.plan);
  };
  const stop = async (deleteData: boolean) => {
    const ask = deleteData
      ? 'Stop sharing and ask the clinic to delete everything you sent?'
      : 'Stop sharing? Your therapist keeps what was already sent but sees nothing new.';
    if (!window.confirm(ask)) return;
    const done = await stopSharing(share, deleteData);
    if (!done.ok) return onChange(share, { kind: 'problem', text: done.reason });
    saveShare(null);
    onChange(null, {
      kind: 'ok',
      text: deleteData ? 'Sharing stopped and the clinic deleted your data.' : 'Sharing stopped.',
    });
  };
  return (
    <>
      <p data-testid="share-status">
        Shared with {share.clinicOrigin}
        {share.lastSentIso ? `; last sent ${share.lastSentIso.slice(0, 10)}` : '; nothing sent yet'}.
      </p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void sendLatest()}>
          Send the latest results
        </button>
        <button type="button" className="button" onClick={() => void stop(false)}>
          Stop sharing
        </button>
        <button type="button" className="button" onClick={() => void stop(true)}>
          Stop sharing and delete my data there
        </button>
      </div>
      {plan && <PlanView plan={plan} />}
    </>
  );
}

export function SharePanel() {
  const [share, setShare] = useState<ClinicShare | null>(() => loadShare());
  const [note, setNote] = useState<Note | null>(null);
  const changed = (next: ClinicShare | null, n: Note) => {
    setShare(next);
    setNote(n);
  };
  return (
    <>
      <h2>Share with your physical therapist</h2>
      <p>
        If your physical therapist uses a steadyback clinic, they can follow your results. Nothing is sent until you
        confirm, and you can stop at any time.
      </p>
      {share ? <Sharing share={share} onChange={changed} /> : <StartSharing onShared={changed} />}
      <NoteLine note={note} />
    </>
  );
}
