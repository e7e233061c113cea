import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * One COPY … FROM STDIN on a connection of its own (not taken from the application's pool: a
 * seed writes every table at once, and a pool of 10 would run dry with a few families). `write` resolves at once unless the socket
 * is saturated (then when it drains), so a fast generator never buffers the whole data set.
 */
export interface CopySink {
  write(chunk: string): Promise<void>;
  /** Completes the COPY; resolves with the number of rows PostgreSQL stored. */
  end(): Promise<number>;
  /** Abandons the COPY (the rows of this statement are discarded). */
  abort(error: Error): void;
}

export async function openCopySink(config: pg.ClientConfig, sql: string): Promise<CopySink> {
  const client = new pg.Client(config);
  client.on('error', () => {}); // surfaced through the stream's error instead
  await client.connect();
  const stream = client.query(copyFrom(sql));
  let failure: Error | undefined;
  let released = false;
  const release = (_error?: Error) => {
    if (released) return;
    released = true;
    void client.end().catch(() => {});
  };
  stream.on('error', (error: Error) => {
    failure = error;
    release(error);
  });
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (stream.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off('drain', done);
          stream.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    },
    end() {
      return new Promise<number>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        stream.on('error', reject);
        stream.on('finish', () => {
          release();
          resolve(stream.rowCount);
        });
        stream.end();
      });
    },
    abort(error) {
      failure ??= error;
      stream.destroy(error);
      release(error);
    },
  };
}
