"""Fine-tune a small model on Alpaca instructions and evaluate it on SQuAD."""

from datasets import load_dataset

instructions = load_dataset("tatsu-lab/alpaca", split="train")
questions = load_dataset("rajpurkar/squad", split="validation")


def main() -> None:
    print(len(instructions), len(questions))


if __name__ == "__main__":
    main()
