import { describe, expect, it } from "vitest";
import { parseEvents, readEvents } from "./sse";

describe("server-sent events", () => {
  it("keeps an unfinished event for the next chunk", () => {
    const first = parseEvents('event: understood\ndata: {"intent":"create_event"}\n\nevent: skill_started\nda');
    expect(first.events).toEqual([{ event: "understood", data: '{"intent":"create_event"}' }]);
    const second = parseEvents(first.rest + 'ta: {"step":"plan"}\n\n');
    expect(second.events).toEqual([{ event: "skill_started", data: '{"step":"plan"}' }]);
    expect(second.rest).toBe("");
  });

  it("joins multi-line data, skips comments and reads CRLF", () => {
    const { events } = parseEvents(": keep-alive\r\n\r\ndata: a\r\ndata: b\r\n\r\n");
    expect(events).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("reads a byte stream split inside a multi-byte character", async () => {
    const bytes = new TextEncoder().encode('event: answer\ndata: {"summary":"Конференция"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 30));
        controller.enqueue(bytes.slice(30));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readEvents(stream)) events.push(event);
    expect(events).toEqual([{ event: "answer", data: '{"summary":"Конференция"}' }]);
  });
});
