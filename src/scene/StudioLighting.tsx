import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { PMREMGenerator } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';

/**
 * Studio light from three's RoomEnvironment, prefiltered with PMREM on the
 * client (nothing fetched). `restoreKey` changes after a WebGL context
 * restore, whose lost render targets include this environment map.
 */
export function StudioLighting({ restoreKey }: { restoreKey: number }) {
  const { gl, scene, invalidate } = useThree();
  useEffect(() => {
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    const env = pmrem.fromScene(room, 0.04).texture;
    scene.environment = env;
    scene.environmentIntensity = 0.95;
    pmrem.dispose();
    room.dispose();
    invalidate();
    return () => {
      scene.environment = null;
      env.dispose();
    };
  }, [gl, scene, invalidate, restoreKey]);
  return (
    <>
      <directionalLight position={[3, 6, 4]} intensity={1.1} />
      <directionalLight position={[-4, 3, -3]} intensity={0.35} />
    </>
  );
}
