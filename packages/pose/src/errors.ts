// One typed error class for the pose layer. `code` lets callers (CLI, app) choose what to tell
// the user; `message` is already one plain sentence that says what to do.

export type PoseErrorCode =
  | 'model-files-missing'
  | 'backend-unavailable'
  | 'ffmpeg-missing'
  | 'file-missing'
  | 'not-a-video'
  | 'corrupt-video'
  | 'no-frames'
  | 'bad-config'
  | 'no-person'
  | 'too-few-frames'
  | 'wrong-exercise';

export class PoseError extends Error {
  readonly code: PoseErrorCode;
  constructor(code: PoseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoseError';
    this.code = code;
  }
}
