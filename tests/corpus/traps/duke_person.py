from dataclasses import dataclass


@dataclass
class Person:
    name: str
    city: str


duke = Person("Duke", "Durham")
print(duke.name, "lives in", duke.city)
