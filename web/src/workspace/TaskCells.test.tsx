import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AssigneeField, StatusSelect, TASK_STATUSES } from "./TaskCells";

const REFUSED = {
  status: 422,
  data: {
    title: "Validation failed",
    status: 422,
    detail: "1 input is invalid",
    errors: [{ field: "body.assignee", message: "Не длиннее 500 символов", code: "string_too_long" }],
  },
};

describe("StatusSelect", () => {
  it("offers every status of the API by its Russian name and saves the one chosen", async () => {
    const onCommit = vi.fn(async () => null);
    render(<StatusSelect value="todo" label="Статус" onCommit={onCommit} />);
    const select = screen.getByLabelText("Статус");
    expect(TASK_STATUSES).toEqual(["todo", "in_progress", "done", "skipped"]);
    expect(Array.from(select.querySelectorAll("option")).map((option) => option.textContent)).toEqual([
      "К выполнению",
      "В работе",
      "Готово",
      "Пропущено",
    ]);
    await act(async () => {
      fireEvent.change(select, { target: { value: "done" } });
    });
    expect(onCommit).toHaveBeenCalledWith("done");
  });

  it("shows the server's objection and goes back to the saved status", async () => {
    const onCommit = vi.fn(async () => ({ status: 409, data: { title: "Conflict", status: 409, detail: "План заблокирован" } }));
    render(<StatusSelect value="todo" label="Статус" onCommit={onCommit} />);
    const select = screen.getByLabelText("Статус");
    await act(async () => {
      fireEvent.change(select, { target: { value: "done" } });
    });
    expect(screen.getByText("План заблокирован")).toBeVisible();
    expect(select).toHaveValue("todo");
    expect(select).toHaveAttribute("aria-invalid", "true");
  });
});

describe("AssigneeField", () => {
  it("saves trimmed text on Enter, and an emptied field as no assignee", async () => {
    const onCommit = vi.fn(async () => null);
    const { rerender } = render(<AssigneeField value={null} label="Кто" placeholder="Менеджер" onCommit={onCommit} />);
    const input = screen.getByLabelText("Кто");
    expect(input).toHaveAttribute("placeholder", "Менеджер");
    fireEvent.change(input, { target: { value: "  Ольга  " } });
    expect(onCommit).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.keyDown(input, { key: "Enter" });
    });
    expect(onCommit).toHaveBeenLastCalledWith("Ольга");
    rerender(<AssigneeField value="Ольга" label="Кто" placeholder="Менеджер" onCommit={onCommit} />);
    fireEvent.change(input, { target: { value: "" } });
    await act(async () => {
      fireEvent.blur(input);
    });
    expect(onCommit).toHaveBeenLastCalledWith(null);
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it("sends nothing when the text did not change, and Escape puts the saved text back", async () => {
    const onCommit = vi.fn(async () => null);
    render(<AssigneeField value="Ольга" label="Кто" placeholder="" onCommit={onCommit} />);
    const input = screen.getByLabelText("Кто");
    fireEvent.change(input, { target: { value: "Ольга " } });
    await act(async () => {
      fireEvent.blur(input);
    });
    fireEvent.change(input, { target: { value: "Пётр" } });
    fireEvent.keyDown(input, { key: "Escape" });
    expect(input).toHaveValue("Ольга");
    expect(onCommit).not.toHaveBeenCalled();
  });

  it("shows the message for this field under it and keeps the text to correct", async () => {
    const onCommit = vi.fn(async () => REFUSED);
    render(<AssigneeField value={null} label="Кто" placeholder="" onCommit={onCommit} />);
    const input = screen.getByLabelText("Кто");
    fireEvent.change(input, { target: { value: "Ольга" } });
    await act(async () => {
      fireEvent.keyDown(input, { key: "Enter" });
    });
    expect(screen.getByText("Не длиннее 500 символов")).toBeVisible();
    expect(input).toHaveValue("Ольга");
    expect(input).toHaveAttribute("aria-invalid", "true");
    fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByText("Не длиннее 500 символов")).toBeNull();
  });

  it("does not send twice when Enter is followed by leaving the field before the answer", async () => {
    let answer = (_value: unknown) => {};
    const onCommit = vi.fn(() => new Promise<unknown>((resolve) => (answer = resolve)));
    render(<AssigneeField value={null} label="Кто" placeholder="" onCommit={onCommit} />);
    const input = screen.getByLabelText("Кто");
    fireEvent.change(input, { target: { value: "Ольга" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    await act(async () => answer(null));
    expect(onCommit).toHaveBeenCalledTimes(1);
  });
});
