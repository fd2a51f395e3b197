/** Reading the binary responses generated operations return (`{ blobBody, readableStreamBody }`) in the scenario suites. */

/** What a streamed binary response holds, for exact comparison. */
export interface StreamedBody {
  /** Node.js gives a readable stream; a browser would give `blobBody` instead. */
  blobBody: "absent" | "present";
  bytes: Buffer;
}

interface BinaryResponseLike {
  blobBody?: Promise<Blob>;
  readableStreamBody?: NodeJS.ReadableStream;
}

/** Reads the whole stream of a binary response. */
export async function readStreamed(result: unknown): Promise<StreamedBody> {
  const { blobBody, readableStreamBody } = result as BinaryResponseLike;
  if (readableStreamBody === undefined) throw new Error("the response has no readableStreamBody");
  const chunks: Buffer[] = [];
  for await (const chunk of readableStreamBody as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
  return { blobBody: blobBody === undefined ? "absent" : "present", bytes: Buffer.concat(chunks) };
}

/** UTF-8 bytes of `text`, as a request body. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
