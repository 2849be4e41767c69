import { useRef } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import type { Object3D } from 'three';
import { noteHover, noteUiPress } from './ui-press.ts';

export interface XRButtonProps {
  /** Object name `xr-btn-<id>`: the browser tests and the bench find buttons by it. */
  id: string;
  label: string;
  selected?: boolean;
  disabled?: boolean;
  onPress: () => void;
}

/**
 * A panel button for controller rays, hands and screen taps (uikit pointer events). At least 48 px
 * tall at the panel's pixel size (about 7 cm in the world): large enough for a ray at arm's length.
 * It acts on a press and release on it by the same pointer, however long the trigger was held
 * (a click in @pmndrs/pointer-events needs the release within 300 ms, too strict for triggers:
 * pmndrs/xr#466); moving off it cancels.
 */
export function XRButton({ id, label, selected = false, disabled = false, onPress }: XRButtonProps) {
  const ref = useRef<Object3D>(null);
  const pressedBy = useRef<number | null>(null);
  return (
    <Container
      ref={(o: Object3D | null) => {
        ref.current = o;
        if (o) o.name = `xr-btn-${id}`;
      }}
      minHeight={48}
      paddingX={18}
      paddingY={10}
      borderRadius={24}
      alignItems="center"
      justifyContent="center"
      backgroundColor={selected ? '#e6f1ff' : '#1f2a3a'}
      hover={{ backgroundColor: selected ? '#ffffff' : '#2d3c52' }}
      opacity={disabled ? 0.45 : 1}
      cursor={disabled ? undefined : 'pointer'}
      onPointerDown={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation();
        noteUiPress();
        pressedBy.current = e.pointerId;
      }}
      onPointerUp={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation();
        const mine = pressedBy.current === e.pointerId;
        pressedBy.current = null;
        if (mine && !disabled) onPress();
      }}
      onPointerEnter={() => noteHover(id, true)}
      onPointerLeave={() => {
        noteHover(id, false);
        pressedBy.current = null;
      }}
    >
      <Text fontSize={22} color={selected ? '#0b1220' : '#e6f1ff'}>
        {label}
      </Text>
    </Container>
  );
}
