/**
 * Test-only helpers: {@link dev.routescope.testsupport.SharedData} finds the real data in {@code
 * ../shared/data}; {@link dev.routescope.testsupport.ExternalTool} finds {@code bgpdump}, {@code
 * stayrtr} and friends. Both skip a test locally when something is missing and fail it under {@code
 * CI=true}, so CI can never pass by skipping. {@link dev.routescope.testsupport.PropertyCheck} runs seeded,
 * reproducible property tests with input from {@link dev.routescope.testsupport.Gen}.
 *
 * <p>This module has no {@code module-info}: it is a test-scope dependency, which Surefire puts on the
 * class path.
 */
@NullMarked
package dev.routescope.testsupport;

import org.jspecify.annotations.NullMarked;
