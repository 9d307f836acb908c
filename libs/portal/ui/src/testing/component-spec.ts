import { type ComponentFixture, TestBed, type TestModuleMetadata } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

/*
 * The plumbing the portal's TestBed specs share. A fixture needs no attaching to the document: the test
 * environment's renderer (BrowserTestingModule's) creates each in a root element of `document.body`, and
 * TestBed destroys it and removes that element after each test.
 */

/** Configures TestBed with Apollo's testing backend (and `providers`), and returns its controller. */
export function configureApolloTesting(
  providers: TestModuleMetadata['providers'] = [],
): ApolloTestingController {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers });
  return TestBed.inject(ApolloTestingController);
}

/** Lets Apollo deliver what was flushed (a macrotask later) and the fixture draw it, `rounds` times over. */
export async function settle(fixture: ComponentFixture<unknown>, rounds = 1): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

/** Sets the field with this id to `value` and dispatches the event its form control listens for. */
export function setField(root: ParentNode, id: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Each alert's trimmed text; with `parts` (e.g. `'p, li'`), those parts' texts joined by a space if any. */
export function alertTexts(root: ParentNode, parts?: string): string[] {
  return [...root.querySelectorAll('[role="alert"]')].map((alert) => {
    const texts = parts ? [...alert.querySelectorAll(parts)].map((part) => part.textContent!.trim()) : [];
    return texts.length ? texts.join(' ') : alert.textContent!.trim();
  });
}

/** The first button named `name`: by its `aria-label`, or by its trimmed text when it has none. */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent!.trim()) === name,
  );
}

/**
 * jsdom has neither TextDecoder nor Blob.arrayBuffer, which every browser the portal supports has: Node's
 * TextDecoder (through `process`, as the portal's specs are typed without Node) and a FileReader stand in.
 * Call it before a spec reads files.
 */
export function browserFileApis(): void {
  const { process } = globalThis as unknown as {
    process: { getBuiltinModule(id: 'node:util'): { TextDecoder: typeof TextDecoder } };
  };
  Object.assign(globalThis, { TextDecoder: process.getBuiltinModule('node:util').TextDecoder });
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
