/** Minimal types for the Khronos validator's npm build (it ships none). */
declare module 'gltf-validator' {
  interface Message { severity: number; code: string; message: string; pointer?: string }
  interface Report {
    issues: { numErrors: number; numWarnings: number; numInfos: number; messages: Message[] };
    info?: { totalTriangleCount?: number; totalVertexCount?: number; drawCallCount?: number };
  }
  const validator: { validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<Report> };
  export default validator;
}
