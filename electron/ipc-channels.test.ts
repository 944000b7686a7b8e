import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Core } from '../core/src/index';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  IpcChannel,
  IpcEvent,
  isEventChannel,
  isInvokeChannel,
  type ApiParams,
  type ApiReply,
  type IpcArgs,
  type IpcEnvelope,
  type IpcError,
  type IpcEventChannelMap,
  type IpcInvokeChannel,
  type IpcInvokeChannelMap,
  type IpcResult,
  type LiveEvent,
  type OperatorInfo,
  type PlatformInfo,
  type StackyardBridge,
} from './ipc-channels';
import type { ApiExecutor } from './main/ipc';

describe('IpcInvokeChannelMap', () => {
  it('api:invoke takes a command and its params and returns status + CloudStack body', () => {
    expectTypeOf<IpcInvokeChannelMap[typeof IpcChannel.API_INVOKE]>().toEqualTypeOf<
      (command: string, params: ApiParams) => Promise<ApiReply>
    >();
    expectTypeOf<IpcArgs<'api:invoke'>>().toEqualTypeOf<[command: string, params: ApiParams]>();
    expectTypeOf<IpcResult<'api:invoke'>>().toEqualTypeOf<ApiReply>();
    expectTypeOf<ApiReply>().toEqualTypeOf<{ status: number; body: Record<string, unknown> }>();
  });

  it('app:platform and app:session take nothing', () => {
    expectTypeOf<IpcInvokeChannelMap[typeof IpcChannel.APP_PLATFORM]>().toEqualTypeOf<() => Promise<PlatformInfo>>();
    expectTypeOf<IpcInvokeChannelMap[typeof IpcChannel.APP_SESSION]>().toEqualTypeOf<() => Promise<OperatorInfo>>();
    expectTypeOf<IpcArgs<'app:session'>>().toEqualTypeOf<[]>();
  });

  it('the channel names are exactly the map keys', () => {
    expectTypeOf<IpcInvokeChannel>().toEqualTypeOf<'api:invoke' | 'app:platform' | 'app:session'>();
    expectTypeOf<(typeof IpcChannel)[keyof typeof IpcChannel]>().toEqualTypeOf<IpcInvokeChannel>();
    expectTypeOf<keyof IpcEventChannelMap>().toEqualTypeOf<(typeof IpcEvent)[keyof typeof IpcEvent]>();
    expect([...INVOKE_CHANNELS].sort()).toEqual(['api:invoke', 'app:platform', 'app:session']);
    expect(EVENT_CHANNELS).toEqual(['live']);
    expect(isInvokeChannel('api:invoke')).toBe(true);
    expect(isInvokeChannel('shell:exec')).toBe(false);
    expect(isEventChannel('live')).toBe(true);
    expect(isEventChannel('api:invoke')).toBe(false);
  });

  it('the live event carries an event or a job, no scope', () => {
    expectTypeOf<IpcEventChannelMap['live']>().toEqualTypeOf<LiveEvent>();
    expectTypeOf<LiveEvent>().not.toHaveProperty('scope');
  });

  it('envelopes are {result} or {error}', () => {
    expectTypeOf<IpcEnvelope<number>>().toEqualTypeOf<{ result: number } | { error: IpcError }>();
  });

  it("the core's dispatcher fits the executor IPC calls", () => {
    expectTypeOf<Core['api']>().toExtend<ApiExecutor>();
  });

  it('the bridge the renderer sees', () => {
    expectTypeOf<StackyardBridge['invoke']>().toEqualTypeOf<
      (command: string, params?: ApiParams) => Promise<ApiReply>
    >();
    expectTypeOf<StackyardBridge['on']>().parameter(0).toEqualTypeOf<'live'>();
    expectTypeOf<ReturnType<StackyardBridge['on']>>().toEqualTypeOf<() => void>();
    expectTypeOf<StackyardBridge['platform']>().toEqualTypeOf<string>();
  });
});
