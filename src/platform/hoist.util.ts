/**
 * @internal Moves the entry `isOurs` finds to the front of `list` (an
 * Express router stack, a Fastify hook list), so it runs before what the app
 * mounted ahead of the module. It stays behind the adapter's own request-hook
 * slot, which NestJS mounts first when the adapter is created and fills
 * through `setOnRequestHook()`: an agent hooked there (`@nestjs/observe`
 * deciding the trace id that becomes the request id) still runs first.
 */
export function moveToFront<T>(
  list: T[],
  isOurs: (entry: T) => boolean,
  handlerOf: (entry: T) => unknown,
): void {
  const index = list.findIndex(isOurs);
  if (index <= 0) return;
  let front = 0;
  for (let i = 0; i < index; i++)
    if (isNestRequestHookSlot(handlerOf(list[i]))) front = i + 1;
  if (front < index) list.splice(front, 0, ...list.splice(index, 1));
}

/** The adapter's slot: a function that calls its `onRequestHook`. */
function isNestRequestHookSlot(handler: unknown): boolean {
  return (
    typeof handler === 'function' &&
    /\bonRequestHook\b/.test(Function.prototype.toString.call(handler))
  );
}
