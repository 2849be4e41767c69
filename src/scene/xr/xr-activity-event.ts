/** The window event the kiosk's idle reset counts as a touch: a headset wearer pressed, moved or turned (XRActivity). */
export const XR_ACTIVITY_EVENT = 'showroom:xr-activity';
