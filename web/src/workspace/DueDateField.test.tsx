import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DueDateField } from "./DueDateField";

describe("DueDateField", () => {
  it("sends the new date on Enter, not while typing", () => {
    const onCommit = vi.fn();
    render(<DueDateField value="2027-03-01" label="due" onCommit={onCommit} />);
    const input = screen.getByLabelText("due");
    fireEvent.change(input, { target: { value: "2027-03-08" } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onCommit).toHaveBeenCalledWith("2027-03-08");
  });

  it("sends nothing when the date did not change, and Escape restores the saved one", () => {
    const onCommit = vi.fn();
    render(<DueDateField value="2027-03-01" label="due" onCommit={onCommit} />);
    const input = screen.getByLabelText("due");
    fireEvent.blur(input);
    fireEvent.change(input, { target: { value: "2027-04-01" } });
    fireEvent.keyDown(input, { key: "Escape" });
    expect(input).toHaveValue("2027-03-01");
    expect(onCommit).not.toHaveBeenCalled();
  });

  it("shows a date the server moved (a dependency slipped)", () => {
    const { rerender } = render(<DueDateField value="2027-03-01" label="due" onCommit={vi.fn()} />);
    rerender(<DueDateField value="2027-03-05" label="due" onCommit={vi.fn()} />);
    expect(screen.getByLabelText("due")).toHaveValue("2027-03-05");
  });
});
