/**
 * Installed into the page before the app's scripts (an init script) by the XR browser tests and
 * the XR bench: an emulated Meta Quest 3 (iwer) over Chromium's native navigator.xr, with stereo on
 * (two views, as a headset draws) and a synthetic office (office_large: a 3 × 5.5 m floor with tables and a couch) (@iwer/sem, from the package, not a
 * CDN) so hit tests find a floor. Exposed as `window.__iwer` for the test to move the head and
 * controllers and press buttons. Never part of the app's build.
 */
import { SyntheticEnvironmentModule } from '@iwer/sem';
import room from '@iwer/sem/captures/office_large.json';
import { metaQuest3, XRDevice } from 'iwer';

const device = new XRDevice(metaQuest3, { stereoEnabled: true });
device.installRuntime({ forceInstall: true });
device.installSEM(SyntheticEnvironmentModule as unknown as Parameters<XRDevice['installSEM']>[0]);
device.sem!.loadEnvironment(room);

(window as unknown as { __iwer: { device: XRDevice } }).__iwer = { device };
