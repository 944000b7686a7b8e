/**
 * The sandboxed preload (bundled to CommonJS: dist/electron/preload.cjs). It exposes one object,
 * `window.stackyard`, with an allowlist of channels; the renderer never touches ipcRenderer, never
 * sees an IpcRendererEvent, and cannot name a channel of its own.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IpcChannel,
  isEventChannel,
  type ApiParams,
  type IpcArgs,
  type IpcEnvelope,
  type IpcEventChannelMap,
  type IpcEventName,
  type IpcInvokeChannel,
  type IpcResult,
  type StackyardBridge,
} from '../ipc-channels';

/** Calls main and rebuilds the envelope: `{result}` returns, `{error}` throws. */
async function call<C extends IpcInvokeChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  const envelope = (await ipcRenderer.invoke(channel, ...args)) as IpcEnvelope<IpcResult<C>>;
  if ('error' in envelope) {
    // contextBridge copies an Error's message only, so the code rides in the message too.
    const error = new Error(`${envelope.error.code}: ${envelope.error.message}`);
    error.name = 'IpcError';
    throw error;
  }
  return envelope.result;
}

const bridge: StackyardBridge = {
  invoke: (command: string, params: ApiParams = {}) => call(IpcChannel.API_INVOKE, command, params),
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventChannelMap[E]) => void): () => void {
    if (!isEventChannel(event)) throw new Error(`unknown event channel: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const wrapped = (_event: unknown, payload: IpcEventChannelMap[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  platform: process.platform,
  info: () => call(IpcChannel.APP_PLATFORM),
  session: () => call(IpcChannel.APP_SESSION),
};

contextBridge.exposeInMainWorld('stackyard', bridge);
