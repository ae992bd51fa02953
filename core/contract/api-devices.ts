// Hardware: scanners, receipt printers, cash drawer, print queue, device set-up.
export interface DeviceMethods {}

export const deviceMethodNames = [] as const satisfies readonly (keyof DeviceMethods)[];

export interface DeviceEvents {}
